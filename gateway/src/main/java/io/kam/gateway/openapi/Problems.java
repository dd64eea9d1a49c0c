package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** The RFC 9457 problem schema, attached to every 4xx/5xx response of the merged document. */
final class Problems {

  static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  static void addSchemas(ObjectNode schemas) {
    ObjectNode fieldError = schemas.putObject("ProblemFieldError");
    fieldError
        .put("type", "object")
        .put("description", "One invalid field, named by its JSON path as sent.");
    ObjectNode fe = fieldError.putObject("properties");
    fe.putObject("field").put("type", "string").put("example", "items[3].amount");
    fe.putObject("message")
        .put("type", "string")
        .put("example", "must be greater than or equal to 0");
    ObjectNode problem = schemas.putObject("Problem");
    problem.put("type", "object").put("description", "RFC 9457 problem details");
    problem.putArray("required").add("type").add("title").add("status");
    ObjectNode p = problem.putObject("properties");
    p.putObject("type")
        .put("type", "string")
        .put("format", "uri")
        .put("example", "https://kam.example/problems/422");
    p.putObject("title").put("type", "string").put("example", "Validation failed");
    p.putObject("status")
        .put("type", "integer")
        .put("format", "int32")
        .put("minimum", 400)
        .put("maximum", 599)
        .put("example", 422);
    p.putObject("detail").put("type", "string").put("example", "the request has invalid fields");
    p.putObject("instance").put("type", "string").put("example", "/api/v1/accounts");
    p.putObject("errors")
        .put("type", "array")
        .putObject("items")
        .put("$ref", "#/components/schemas/ProblemFieldError");
  }

  static void attach(ObjectNode responses) {
    Iterator<Map.Entry<String, JsonNode>> it = responses.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> r = it.next();
      String code = r.getKey();
      if (!(code.startsWith("4") || code.startsWith("5")) || !r.getValue().isObject()) {
        continue;
      }
      ObjectNode response = (ObjectNode) r.getValue();
      if (!response.hasNonNull("description") || response.get("description").asText().isBlank()) {
        response.put("description", description(code));
      }
      ObjectNode content = JsonNodes.objectAt(response, "content");
      content.removeAll();
      content.putObject(MEDIA_TYPE).putObject("schema").put("$ref", "#/components/schemas/Problem");
    }
  }

  static String description(String status) {
    return switch (status) {
      case "400" ->
          "Malformed request: bad JSON, wrong types, unknown enum values, bad paging parameters";
      case "401" -> "Missing or invalid credentials";
      case "403" -> "The caller's role or ownership does not allow this";
      case "404" -> "Not found";
      case "409" -> "Conflict with the current state";
      case "412" -> "If-Match does not match the current version";
      case "413" -> "Body or batch too large";
      case "422" -> "Validation failed (see errors)";
      case "428" -> "If-Match is required";
      case "429" -> "Rate limit exceeded (see Retry-After)";
      case "500" -> "Unexpected error";
      case "502" -> "The owning service failed to answer";
      case "503" -> "The owning service is unavailable";
      case "504" -> "The owning service did not answer in time";
      default -> "Error";
    };
  }
}
