package io.kam.account.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One item of a contact sync batch while the batch is worked out. */
final class ContactSyncItem {
  final JsonNode node;
  ExternalRef ref;

  /** The account the item names (accountSource defaults to the item's source), or null. */
  ExternalRef accountRef;

  boolean delete;
  Long ifVersion;

  /** Present in the item: reportsToExternalId (a string or null); null when not named. */
  JsonNode reportsTo;

  Contact existing;
  UUID id;
  UUID accountId;
  ContactData target;
  SyncResult.Status status;
  Long version;
  final List<Problem.FieldError> errors = new ArrayList<>();

  ContactSyncItem(JsonNode node) {
    this.node = node;
  }

  boolean ok() {
    return status == null;
  }

  boolean live() {
    return ok() && !delete;
  }

  boolean namesManager() {
    return reportsTo != null && reportsTo.isTextual();
  }

  void reject(String field, String message) {
    status = SyncResult.Status.REJECTED;
    errors.add(new Problem.FieldError(field, message));
  }

  void conflict(String message) {
    status = SyncResult.Status.CONFLICT;
    errors.add(new Problem.FieldError("ifVersion", message));
  }

  SyncResult result() {
    boolean written = status != SyncResult.Status.REJECTED && status != SyncResult.Status.CONFLICT;
    return new SyncResult(
        ref != null ? ref.externalId() : SyncItem.text(node, "externalId"),
        ref != null ? ref.source() : SyncItem.text(node, "source"),
        written && id != null ? id : existing == null ? null : existing.id,
        status,
        version != null ? version : existing == null ? null : existing.version,
        List.copyOf(errors));
  }
}
