package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per operation: its service tag, an operationId, and the problem responses every client can get.
 */
final class Operations {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private Operations() {}

  static void decorate(ObjectNode pathItem, String tag, String path) {
    Iterator<Map.Entry<String, JsonNode>> it = pathItem.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!METHODS.contains(e.getKey()) || !e.getValue().isObject()) {
        continue;
      }
      ObjectNode op = (ObjectNode) e.getValue();
      op.putArray("tags").add(tag);
      if (!op.hasNonNull("operationId")) {
        op.put("operationId", operationId(e.getKey(), path));
      }
      if (!op.hasNonNull("summary")) {
        op.put("summary", e.getKey().toUpperCase() + " " + path);
      }
      if (!op.hasNonNull("description")) {
        op.put("description", op.path("summary").asText());
      }
      rolesToDescription(op);
      ObjectNode responses =
          op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
      boolean success = false;
      for (java.util.Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
        String code = codes.next();
        success |= code.startsWith("2") || code.startsWith("3");
      }
      if (!success) {
        responses
            .putObject(
                e.getKey().equals("post")
                        && !path.matches(
                            ".*/(activate|archive|complete|submit-for-review|simulate|replay)$")
                    ? "201"
                    : "200")
            .put("description", "Success");
      }
      for (String status : problemStatuses(e.getKey(), path, op.has("requestBody"))) {
        if (!responses.has(status)) {
          responses.putObject(status).put("description", Problems.description(status));
        }
      }
      if (e.getKey().equals("get") && responses.has("200")) {
        ResponseHeaders.conditional(responses);
      }
      Problems.attach(responses);
      ResponseHeaders.attach(responses);
    }
  }

  /**
   * Services mark operations with their roles as a security requirement on their own scheme; in the
   * merged document every operation takes the gateway's schemes, and the roles are written into the
   * description (and x-kam-roles) so they stay visible.
   */
  private static void rolesToDescription(ObjectNode op) {
    JsonNode security = op.get("security");
    if (security == null) {
      return;
    }
    java.util.TreeSet<String> roles = new java.util.TreeSet<>();
    security.forEach(
        req ->
            req.fields().forEachRemaining(f -> f.getValue().forEach(r -> roles.add(r.asText()))));
    op.remove("security");
    if (!roles.isEmpty() && !roles.contains("**")) {
      op.putArray("x-kam-roles")
          .addAll(
              roles.stream().map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList());
      String description = op.path("description").asText("");
      op.put(
          "description",
          (description.isEmpty() ? "" : description + " ")
              + "Roles: "
              + String.join(", ", roles)
              + ".");
    }
  }

  private static List<String> problemStatuses(String method, String path, boolean hasBody) {
    List<String> statuses =
        new java.util.ArrayList<>(List.of("401", "403", "429", "500", "503", "504"));
    if (hasBody || path.contains("{") || method.equals("get")) {
      statuses.add("400");
    }
    if (hasBody) {
      statuses.add("413");
      statuses.add("422");
    }
    if (path.contains("{")) {
      statuses.add("404");
    }
    return statuses;
  }

  static String operationId(String method, String path) {
    StringBuilder sb = new StringBuilder(method);
    for (String part : path.replace("/api/v1/", "").split("[/-]")) {
      if (part.isEmpty()) {
        continue;
      }
      String clean =
          part.startsWith("{") ? "By" + cap(part.substring(1, part.length() - 1)) : cap(part);
      sb.append(clean);
    }
    return sb.toString();
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
