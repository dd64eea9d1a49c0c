package io.kam.account.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One item of a sync batch while the batch is worked out. */
final class SyncItem {
  final int index;
  final JsonNode node;
  ExternalRef ref;
  boolean delete;

  /** Present in the item: parentExternalId; null when the item does not name one. */
  JsonNode parentExternalId;

  /** The optional concurrency guard: the version the partner last saw (0: must not exist). */
  Long ifVersion;

  /** The version after the item, for the result. */
  Long version;

  Account existing;
  UUID id;
  AccountData target;
  SyncResult.Status status;
  final List<Problem.FieldError> errors = new ArrayList<>();

  SyncItem(int index, JsonNode node) {
    this.index = index;
    this.node = node;
  }

  boolean ok() {
    return status == null;
  }

  boolean live() {
    return ok() && !delete;
  }

  void reject(String field, String message) {
    status = SyncResult.Status.REJECTED;
    errors.add(new Problem.FieldError(field, message));
  }

  /** The stored account is not at the version the item expects: report it, write nothing. */
  void conflict(String message) {
    status = SyncResult.Status.CONFLICT;
    errors.add(new Problem.FieldError("ifVersion", message));
  }

  UUID parent() {
    return target == null ? null : target.parentId();
  }

  boolean parentChanged() {
    return existing == null
        ? parent() != null
        : !java.util.Objects.equals(existing.data().parentId(), parent());
  }

  SyncResult result() {
    String externalId = ref != null ? ref.externalId() : text(node, "externalId");
    String source = ref != null ? ref.source() : text(node, "source");
    return new SyncResult(
        externalId,
        source,
        status == SyncResult.Status.REJECTED || status == SyncResult.Status.CONFLICT
            ? (existing == null ? null : existing.id())
            : id,
        status,
        version != null ? version : existing == null ? null : existing.version(),
        List.copyOf(errors));
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
