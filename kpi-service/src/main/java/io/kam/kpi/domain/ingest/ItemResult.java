package io.kam.kpi.domain.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kam.chassis.problem.Problem;
import io.kam.kpi.domain.account.AccountPropagation;
import java.util.List;

/**
 * The outcome of one bulk item, in request order; {@code pending} only when true, and then {@code
 * pendingReason}: whether the account may still be on its way or is unknown to account-service
 * ({@link AccountPropagation}).
 */
public record ItemResult(
    String source,
    String externalId,
    Status status,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean pending,
    @JsonInclude(JsonInclude.Include.NON_NULL) AccountPropagation.PendingReason pendingReason,
    List<Problem.FieldError> errors) {

  public enum Status {
    CREATED,
    UPDATED,
    UNCHANGED,
    DELETED,
    REJECTED
  }

  public static ItemResult of(BulkItem item, Status status, boolean pending) {
    return new ItemResult(
        item.source(), item.externalId(), status, pending ? Boolean.TRUE : null, null, List.of());
  }

  public static ItemResult rejected(String source, String externalId, Problem.FieldError error) {
    return new ItemResult(source, externalId, Status.REJECTED, null, null, List.of(error));
  }

  /** This result with the reason its item waits (only a pending one gets it). */
  public ItemResult withReason(AccountPropagation.PendingReason reason) {
    return pending == null
        ? this
        : new ItemResult(source, externalId, status, pending, reason, errors);
  }

  public static ItemResult rejected(BulkItem item, List<Problem.FieldError> errors) {
    return new ItemResult(
        item == null ? null : item.source(),
        item == null ? null : item.externalId(),
        Status.REJECTED,
        null,
        null,
        List.copyOf(errors));
  }
}
