package io.kam.kpi.domain.ingest;

import io.kam.kpi.domain.account.AccountRef;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/** A survey response as stored; {@code accountId} is null while the account is not known. */
public record StoredSurveyResponse(
    Long id,
    String source,
    String externalId,
    UUID accountId,
    AccountRef ref,
    String kind,
    int score,
    Instant respondedAt,
    boolean voided)
    implements StoredItem<StoredSurveyResponse> {

  /** A response belongs to the month of the UTC date of its respondedAt. */
  public YearMonth month() {
    return YearMonth.from(respondedAt.atOffset(ZoneOffset.UTC));
  }

  @Override
  public boolean sameAs(StoredSurveyResponse other) {
    return voided == other.voided
        && Objects.equals(accountId, other.accountId)
        && Objects.equals(ref, other.ref)
        && kind.equals(other.kind)
        && score == other.score
        && respondedAt.equals(other.respondedAt);
  }

  @Override
  public StoredSurveyResponse voided(boolean value) {
    return new StoredSurveyResponse(
        id, source, externalId, accountId, ref, kind, score, respondedAt, value);
  }
}
