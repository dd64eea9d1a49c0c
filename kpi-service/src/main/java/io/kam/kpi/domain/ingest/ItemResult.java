package io.kam.kpi.domain.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kam.chassis.problem.Problem;
import java.util.List;

/** The outcome of one bulk item, in request order; {@code pending} only when true. */
public record ItemResult(
    String source,
    String externalId,
    Status status,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean pending,
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
        item.source(), item.externalId(), status, pending ? Boolean.TRUE : null, List.of());
  }

  public static ItemResult rejected(BulkItem item, List<Problem.FieldError> errors) {
    return new ItemResult(
        item == null ? null : item.source(),
        item == null ? null : item.externalId(),
        Status.REJECTED,
        null,
        List.copyOf(errors));
  }
}
