package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.chassis.input.InputRules;

/**
 * The bounds the chassis documents in every service's document (DocumentedBounds), applied to what
 * the gateway adds itself (its Vert.x routes, the problem schema): a string without maxLength, an
 * integer without a range or an array without maxItems would say "unbounded" to a client.
 */
final class Bounds {

  private Bounds() {}

  static void fill(JsonNode node) {
    if (node instanceof ObjectNode o) {
      JsonNode type = o.get("type");
      if (type != null && !o.has("$ref")) {
        if (is(type, "string") && !o.has("maxLength") && !o.has("enum") && !o.has("const")) {
          o.put(
              "maxLength",
              switch (o.path("format").asText("")) {
                case "uuid" -> 36;
                case "date" -> 10;
                case "date-time" -> 35;
                default -> InputRules.MAX_STRING_LENGTH;
              });
        }
        if (is(type, "integer")) {
          boolean int32 = o.path("format").asText("").equals("int32");
          if (!o.has("format")) {
            o.put("format", "int64");
          }
          if (!o.has("minimum") && !o.has("exclusiveMinimum")) {
            o.put("minimum", int32 ? Integer.MIN_VALUE : Long.MIN_VALUE);
          }
          if (!o.has("maximum") && !o.has("exclusiveMaximum")) {
            o.put("maximum", int32 ? Integer.MAX_VALUE : Long.MAX_VALUE);
          }
        }
        if (is(type, "array") && !o.has("maxItems")) {
          o.put("maxItems", InputRules.MAX_ITEMS);
        }
      }
      o.elements().forEachRemaining(Bounds::fill);
    } else if (node != null && node.isArray()) {
      node.forEach(Bounds::fill);
    }
  }

  private static boolean is(JsonNode type, String name) {
    if (type.isTextual()) {
      return type.asText().equals(name);
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }
}
