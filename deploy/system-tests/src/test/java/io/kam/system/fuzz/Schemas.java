package io.kam.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Local schema references of the merged document, resolved. */
final class Schemas {

  private Schemas() {}

  static JsonNode resolve(JsonNode doc, JsonNode schema) {
    JsonNode s = schema;
    for (int i = 0; i < 5 && s != null && s.has("$ref"); i++) {
      s = doc.at(s.get("$ref").asText().substring(1));
    }
    return s == null ? MissingNode.getInstance() : s;
  }
}
