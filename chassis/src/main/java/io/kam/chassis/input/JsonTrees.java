package io.kam.chassis.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.problem.Problem;
import java.util.Iterator;
import java.util.Map;

/**
 * The input rules for bodies a service reads as JSON trees (bulk items, merge patches): those
 * values reach SQL without passing Jackson's deserializers, so their text is checked here.
 */
public final class JsonTrees {

  private JsonTrees() {}

  /**
   * The first value or field name that breaks the input rules, named by its path; null when none
   * does.
   */
  public static Problem.FieldError firstInvalid(JsonNode node) {
    return walk(node, "");
  }

  private static Problem.FieldError walk(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String reason = InputRules.checkText(node.asText(), InputRules.MAX_STRING_LENGTH);
      return reason == null ? null : new Problem.FieldError(path.isEmpty() ? "body" : path, reason);
    }
    if (node.isArray()) {
      if (node.size() > InputRules.MAX_ITEMS) {
        return new Problem.FieldError(
            path.isEmpty() ? "body" : path, "must have at most " + InputRules.MAX_ITEMS + " items");
      }
      for (int i = 0; i < node.size(); i++) {
        Problem.FieldError e = walk(node.get(i), path + "[" + i + "]");
        if (e != null) {
          return e;
        }
      }
      return null;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String name = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
      if (InputRules.checkText(f.getKey(), 200) != null) {
        return new Problem.FieldError(
            "body", "has a field name that is too long or cannot be stored");
      }
      Problem.FieldError e = walk(f.getValue(), name);
      if (e != null) {
        return e;
      }
    }
    return null;
  }
}
