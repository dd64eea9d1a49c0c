package io.kam.kpi.domain.ingest;

import io.kam.kpi.domain.account.AccountRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A revenue line as stored; {@code accountId} is null while the account is not known. */
public record StoredRevenueLine(
    Long id,
    String source,
    String externalId,
    UUID accountId,
    AccountRef ref,
    LocalDate date,
    String productLine,
    BigDecimal amount,
    boolean voided)
    implements StoredItem<StoredRevenueLine> {

  @Override
  public boolean sameAs(StoredRevenueLine other) {
    return voided == other.voided
        && Objects.equals(accountId, other.accountId)
        && Objects.equals(ref, other.ref)
        && date.equals(other.date)
        && productLine.equals(other.productLine)
        && amount.compareTo(other.amount) == 0;
  }

  @Override
  public StoredRevenueLine voided(boolean value) {
    return new StoredRevenueLine(
        id, source, externalId, accountId, ref, date, productLine, amount, value);
  }

  public StoredRevenueLine withId(Long newId) {
    return new StoredRevenueLine(
        newId, source, externalId, accountId, ref, date, productLine, amount, voided);
  }
}
