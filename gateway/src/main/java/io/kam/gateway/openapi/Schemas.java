package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Schema bookkeeping for the merge: renaming clashing names and rewriting references. */
final class Schemas {

  private static final String PREFIX = "#/components/schemas/";

  private Schemas() {}

  /**
   * Renames, inside {@code spec}, every schema whose name another service already uses for a
   * different definition, to {@code <Service><Name>}, and rewrites the references to it.
   */
  static JsonNode renameCollisions(
      JsonNode spec, String service, ObjectNode merged, Map<String, String> owners) {
    JsonNode own = spec.path("components").path("schemas");
    Map<String, String> renames = new HashMap<>();
    own.fieldNames()
        .forEachRemaining(
            name -> {
              if (merged.has(name) && !merged.get(name).equals(own.get(name))) {
                renames.put(
                    name, Character.toUpperCase(service.charAt(0)) + service.substring(1) + name);
              }
            });
    if (renames.isEmpty()) {
      return spec;
    }
    ObjectNode schemas = (ObjectNode) own;
    renames.forEach((from, to) -> schemas.set(to, schemas.remove(from)));
    rewriteRefs(spec, renames);
    return spec;
  }

  private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
    if (node instanceof ObjectNode obj) {
      Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("$ref")
            && e.getValue().isTextual()
            && e.getValue().asText().startsWith(PREFIX)) {
          String name = e.getValue().asText().substring(PREFIX.length());
          if (renames.containsKey(name)) {
            e.setValue(TextNode.valueOf(PREFIX + renames.get(name)));
          }
        } else {
          rewriteRefs(e.getValue(), renames);
        }
      }
    } else if (node instanceof ArrayNode arr) {
      arr.forEach(n -> rewriteRefs(n, renames));
    }
  }

  /** Resolves a local schema reference against the merged schemas (one level). */
  static JsonNode resolve(JsonNode schema, ObjectNode schemas) {
    if (schema != null && schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (ref.startsWith(PREFIX)) {
        return schemas.get(ref.substring(PREFIX.length()));
      }
    }
    return schema;
  }
}
