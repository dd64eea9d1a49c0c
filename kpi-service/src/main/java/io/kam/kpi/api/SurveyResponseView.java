package io.kam.kpi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kam.kpi.domain.account.AccountPropagation;
import io.kam.kpi.domain.ingest.StoredSurveyResponse;
import java.time.Instant;
import java.util.UUID;

/** A stored survey response waiting for its account, with the reference it named and why. */
public record SurveyResponseView(
    String source,
    String externalId,
    @JsonInclude(JsonInclude.Include.NON_NULL) UUID accountId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String accountSource,
    @JsonInclude(JsonInclude.Include.NON_NULL) String accountExternalId,
    String kind,
    int score,
    Instant respondedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean pending,
    @JsonInclude(JsonInclude.Include.NON_NULL) AccountPropagation.PendingReason pendingReason) {

  static SurveyResponseView of(StoredSurveyResponse r, AccountPropagation.PendingReason reason) {
    boolean pending = r.accountId() == null;
    return new SurveyResponseView(
        r.source(),
        r.externalId(),
        pending ? r.ref().id() : r.accountId(),
        r.ref().source(),
        r.ref().externalId(),
        r.kind(),
        r.score(),
        r.respondedAt(),
        pending ? Boolean.TRUE : null,
        pending ? reason : null);
  }
}
