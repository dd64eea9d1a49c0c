package io.kam.account.domain;

import io.kam.chassis.problem.Problem;
import java.util.List;
import java.util.UUID;

/**
 * What happened to one sync item, reported in request order. {@code version} is the record's
 * version after the item (null when there is none): a partner sends it back as {@code ifVersion} to
 * write only over the state it has seen.
 */
public record SyncResult(
    String externalId,
    String source,
    UUID id,
    Status status,
    Long version,
    List<Problem.FieldError> errors) {

  public enum Status {
    CREATED,
    UPDATED,
    UNCHANGED,
    DELETED,
    /** The item's {@code ifVersion} is not the stored version: nothing was written. */
    CONFLICT,
    REJECTED
  }
}
