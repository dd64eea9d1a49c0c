package io.kam.account.domain;

import io.kam.chassis.problem.Problem;
import java.util.List;
import java.util.UUID;

/** What happened to one sync item, reported in request order. */
public record SyncResult(
    String externalId, String source, UUID id, Status status, List<Problem.FieldError> errors) {

  public enum Status {
    CREATED,
    UPDATED,
    UNCHANGED,
    DELETED,
    REJECTED
  }
}
