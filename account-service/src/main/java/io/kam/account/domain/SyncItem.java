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
        status == SyncResult.Status.REJECTED ? (existing == null ? null : existing.id()) : id,
        status,
        List.copyOf(errors));
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
