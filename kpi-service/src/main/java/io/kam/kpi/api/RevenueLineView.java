package io.kam.kpi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kam.kpi.domain.account.AccountPropagation;
import io.kam.kpi.domain.ingest.StoredRevenueLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A stored revenue line as listed; {@code pending} only while its account is not known, and then
 * {@code pendingReason} when the list was asked for pending lines.
 */
public record RevenueLineView(
    String source,
    String externalId,
    UUID accountId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String accountSource,
    @JsonInclude(JsonInclude.Include.NON_NULL) String accountExternalId,
    LocalDate date,
    String productLine,
    BigDecimal amount,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean pending,
    @JsonInclude(JsonInclude.Include.NON_NULL) AccountPropagation.PendingReason pendingReason) {

  static RevenueLineView of(StoredRevenueLine l, AccountPropagation.PendingReason reason) {
    return new RevenueLineView(
        l.source(),
        l.externalId(),
        l.accountId() != null ? l.accountId() : l.ref().id(),
        l.ref().source(),
        l.ref().externalId(),
        l.date(),
        l.productLine(),
        l.amount(),
        l.accountId() == null ? Boolean.TRUE : null,
        l.accountId() == null ? reason : null);
  }
}
