package io.kam.account.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code items} of a bulk request body, bounded: 422 without an array, 413 beyond the max. */
final class BulkItems {

  private BulkItems() {}

  static List<JsonNode> of(JsonNode request, int max, String what) {
    JsonNode items = request.isObject() ? request.get("items") : null;
    if (items == null || !items.isArray()) {
      throw ProblemException.invalid("items", "must be an array of " + what);
    }
    if (items.size() > max) {
      throw new ProblemException(
          413,
          "Payload too large",
          "items: at most " + max + " per request, got " + items.size(),
          List.of(new Problem.FieldError("items", "at most " + max)),
          Map.of());
    }
    List<JsonNode> nodes = new ArrayList<>(items.size());
    items.forEach(nodes::add);
    return nodes;
  }
}
