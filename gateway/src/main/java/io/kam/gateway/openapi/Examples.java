package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Adds an example to every request body that has none, built from its schema. */
final class Examples {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 4;

  private Examples() {}

  static void addToRequestBodies(ObjectNode paths, ObjectNode schemas) {
    paths
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          JsonNode content = op.getValue().path("requestBody").path("content");
                          Iterator<Map.Entry<String, JsonNode>> media = content.fields();
                          while (media.hasNext()) {
                            Map.Entry<String, JsonNode> m = media.next();
                            if (m.getValue() instanceof ObjectNode mt
                                && !mt.has("example")
                                && !mt.has("examples")) {
                              mt.set("example", of(mt.get("schema"), schemas, 0));
                            }
                          }
                        }));
  }

  static JsonNode of(JsonNode schema, ObjectNode schemas, int depth) {
    JsonNode s = Schemas.resolve(schema, schemas);
    if (s == null || depth > 4 * MAX_DEPTH) { // a cycle through allOf/oneOf/anyOf
      return F.objectNode();
    }
    if (s.has("example")) {
      return s.get("example");
    }
    if (s.has("enum") && s.get("enum").size() > 0) {
      return s.get("enum").get(0);
    }
    for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
      if (s.has(combinator) && s.get(combinator).size() > 0) {
        return of(s.get(combinator).get(0), schemas, depth + 1);
      }
    }
    String type = typeOf(s);
    switch (type) {
      case "object" -> {
        ObjectNode obj = F.objectNode();
        if (depth > MAX_DEPTH) { // deep enough: an empty object, but leaves keep their types
          return obj;
        }
        s.path("properties")
            .fields()
            .forEachRemaining(f -> obj.set(f.getKey(), of(f.getValue(), schemas, depth + 1)));
        return obj;
      }
      case "array" -> {
        ArrayNode arr = F.arrayNode();
        if (depth > MAX_DEPTH) {
          return arr;
        }
        arr.add(of(s.get("items"), schemas, depth + 1));
        return arr;
      }
      case "integer" -> {
        int value = s.has("minimum") ? s.get("minimum").asInt() : 1;
        return F.numberNode(s.has("maximum") ? Math.min(value, s.get("maximum").asInt()) : value);
      }
      case "number" -> {
        if (s.has("minimum") || s.has("maximum")) {
          return s.has("minimum") ? s.get("minimum") : s.get("maximum");
        }
        return F.numberNode(new java.math.BigDecimal("1250.00"));
      }
      case "boolean" -> {
        return F.booleanNode(false);
      }
      default -> {
        String pattern = s.path("pattern").asText("");
        if (pattern.matches("\\^?[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)*\\$?")) {
          return F.textNode(pattern.replace("^", "").replace("$", "").split("\\|")[0]);
        }
        return F.textNode(stringExample(s.path("format").asText("")));
      }
    }
  }

  private static String typeOf(JsonNode s) {
    JsonNode t = s.get("type");
    if (t == null) {
      return s.has("properties") ? "object" : "string";
    }
    if (t.isArray()) {
      for (JsonNode n : t) {
        if (!"null".equals(n.asText())) {
          return n.asText();
        }
      }
    }
    return t.asText();
  }

  private static String stringExample(String format) {
    return switch (format) {
      case "uuid" -> "0b9f6c1e-3a2d-4c5b-9e8f-1a2b3c4d5e6f";
      case "date" -> "2026-09-30";
      case "date-time" -> "2026-09-30T10:00:00Z";
      case "uri" -> "https://example.com";
      case "email" -> "anna@example.com";
      default -> "string";
    };
  }
}
