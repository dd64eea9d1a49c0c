package io.kam.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists every place a 2xx response of an OpenAPI document leaves its shape untyped: an empty
 * schema, an object without properties (and without typed additionalProperties), untyped
 * additionalProperties, an array without typed items. A generated client turns each into {@code
 * Record<string, never>} or {@code unknown}, which is what "no bare objects" forbids.
 */
final class BareSchemas {

  private static final String REF = "#/components/schemas/";
  private static final Set<String> COMPOSITIONS = Set.of("allOf", "oneOf", "anyOf");

  private final JsonNode schemas;
  private final List<String> offenders = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  private BareSchemas(JsonNode doc) {
    this.schemas = doc.path("components").path("schemas");
  }

  static List<String> in(JsonNode doc) {
    BareSchemas lint = new BareSchemas(doc);
    Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
      while (ops.hasNext()) {
        Map.Entry<String, JsonNode> op = ops.next();
        Iterator<Map.Entry<String, JsonNode>> responses = op.getValue().path("responses").fields();
        while (responses.hasNext()) {
          Map.Entry<String, JsonNode> response = responses.next();
          if (!response.getKey().startsWith("2")) {
            continue;
          }
          if (op.getKey().equals("get")
              && response.getKey().equals("200")
              && !response.getValue().path("content").fields().hasNext()) {
            lint.offenders.add(
                "GET " + path.getKey() + " 200: no content (a read that says nothing of its body)");
          }
          Iterator<Map.Entry<String, JsonNode>> content =
              response.getValue().path("content").fields();
          while (content.hasNext()) {
            Map.Entry<String, JsonNode> media = content.next();
            if (media.getKey().contains("json")) {
              String where =
                  op.getKey().toUpperCase()
                      + " "
                      + path.getKey()
                      + " "
                      + response.getKey()
                      + " ("
                      + media.getKey()
                      + ")";
              lint.check(media.getValue().path("schema"), where);
            }
          }
        }
      }
    }
    return lint.offenders;
  }

  private void check(JsonNode schema, String where) {
    if (schema.isMissingNode() || (schema.isObject() && schema.isEmpty())) {
      offenders.add(where + ": empty schema");
      return;
    }
    if (schema.isBoolean()) {
      offenders.add(where + ": schema `" + schema + "` says nothing");
      return;
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (ref.startsWith(REF) && seen.add(ref)) {
        String name = ref.substring(REF.length());
        check(schemas.path(name), name);
      }
      return;
    }
    boolean composed = false;
    for (String c : COMPOSITIONS) {
      if (schema.has(c)) {
        composed = true;
        int i = 0;
        for (JsonNode part : schema.get(c)) {
          check(part, where + "." + c + "[" + i++ + "]");
        }
      }
    }
    boolean object = hasType(schema, "object");
    boolean array = hasType(schema, "array");
    JsonNode props = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    if (!additional.isMissingNode()
        && (additional.isBoolean() ? additional.asBoolean() : additional.isEmpty())) {
      offenders.add(where + ": untyped additionalProperties");
    } else if (additional.isObject()) {
      check(additional, where + ".additionalProperties");
    }
    if (props.isObject()) {
      props.fields().forEachRemaining(p -> check(p.getValue(), where + "." + p.getKey()));
    }
    if (array || schema.has("items")) {
      if (!schema.has("items")) {
        offenders.add(where + ": array without items");
      } else {
        check(schema.get("items"), where + "[]");
      }
    }
    boolean typed =
        composed
            || schema.has("type")
            || schema.has("enum")
            || schema.has("const")
            || props.isObject();
    if (!typed) {
      offenders.add(where + ": no type");
    } else if (object && !composed && props.isEmpty() && !additional.isObject()) {
      offenders.add(where + ": object without properties");
    }
  }

  private static boolean hasType(JsonNode schema, String type) {
    JsonNode t = schema.path("type");
    if (t.isArray()) {
      for (JsonNode n : t) {
        if (type.equals(n.asText())) {
          return true;
        }
      }
      return false;
    }
    return type.equals(t.asText());
  }
}
