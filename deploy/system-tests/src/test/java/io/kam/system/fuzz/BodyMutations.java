package io.kam.system.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Malformed request bodies: broken JSON, deep nesting, wrong content types, and the operation's
 * documented example with one field at a time made hostile (wrong type, NUL, an unpaired surrogate,
 * huge or exotic text, far dates, extreme numbers, missing, null, unknown siblings).
 */
final class BodyMutations {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Jackson will not write an unpaired surrogate: a marker is written and swapped for its escape.
   */
  private static final String SURROGATE = "@@lone-surrogate@@";

  private BodyMutations() {}

  /**
   * Label -> body bytes; the content type is the operation's unless the label starts with
   * "content-type".
   */
  static Map<String, byte[]> of(JsonNode example) {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    for (String raw :
        List.of(
            "{",
            "{\"a\":",
            "[]",
            "null",
            "\"text\"",
            "12",
            "",
            "{} {}",
            "{\"a\":1,}",
            "{'a':1}",
            "\uFEFF{}",
            "{\"a\":NaN}",
            "{\"a\":\"\\x00\"}")) {
      bodies.put("malformed json " + JSON.valueToTree(raw), raw.getBytes(StandardCharsets.UTF_8));
    }
    bodies.put(
        "invalid utf-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'});
    bodies.put(
        "deeply nested arrays",
        ("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8));
    bodies.put(
        "deeply nested objects",
        ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
    if (example == null || !example.isObject()) {
      return bodies;
    }
    ObjectNode extra = example.deepCopy();
    extra.put("contry", "DE");
    bodies.put("unknown field contry", bytes(extra));
    List<String> paths = new ArrayList<>();
    fieldPaths(example, "", paths, 0);
    for (String path : paths) {
      for (Map.Entry<String, JsonNode> m : fieldMutations().entrySet()) {
        ObjectNode mutated = example.deepCopy();
        replace(mutated, path, m.getValue());
        bodies.put(path + " " + m.getKey(), bytes(mutated));
      }
      ObjectNode missing = example.deepCopy();
      replace(missing, path, null);
      bodies.put(path + " missing", bytes(missing));
    }
    return bodies;
  }

  static Map<String, String> contentTypes() {
    Map<String, String> types = new LinkedHashMap<>();
    types.put("content-type text/plain", "text/plain");
    types.put("content-type application/xml", "application/xml");
    types.put("content-type form", "application/x-www-form-urlencoded");
    types.put("content-type multipart", "multipart/form-data; boundary=x");
    types.put("content-type json latin-1", "application/json; charset=ISO-8859-1");
    types.put("content-type garbage", "%%%/;;;");
    return types;
  }

  private static Map<String, JsonNode> fieldMutations() {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    m.put("NUL", NODES.textNode("a\u0000b"));
    m.put("unpaired surrogate", NODES.textNode("a" + SURROGATE + "b"));
    m.put("huge string", NODES.textNode("x".repeat(20_001)));
    m.put("unicode", NODES.textNode("Zoë 😀 \u202e\uFFFF ﷽"));
    m.put("null", NODES.nullNode());
    m.put("far date", NODES.textNode("+999999999-12-31"));
    m.put("year zero", NODES.textNode("0000-01-01"));
    m.put("far timestamp", NODES.textNode("+10000-01-01T00:00:00Z"));
    m.put("huge number", NODES.numberNode(new java.math.BigDecimal("1e400")));
    m.put(
        "long overflow",
        NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")));
    m.put("negative", NODES.numberNode(-1));
    m.put("boolean", NODES.booleanNode(true));
    m.put("object", NODES.objectNode().put("contry", "DE"));
    ArrayNode many = NODES.arrayNode();
    for (int i = 0; i < 10_001; i++) {
      many.add(i);
    }
    m.put("10001 items", many);
    m.put("array", NODES.arrayNode().add("a"));
    return m;
  }

  private static void fieldPaths(JsonNode node, String prefix, List<String> out, int depth) {
    if (depth > 3) {
      return;
    }
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              f -> {
                String path = prefix + "/" + f.replace("~", "~0").replace("/", "~1");
                out.add(path);
                fieldPaths(node.get(f), path, out, depth + 1);
              });
    } else if (node.isArray() && node.size() > 0) {
      fieldPaths(node.get(0), prefix + "/0", out, depth + 1);
    }
  }

  /** Sets (or, with null, removes) the value at a JSON pointer whose parent exists. */
  private static void replace(JsonNode root, String pointer, JsonNode value) {
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = cut == 0 ? root : root.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      if (value == null) {
        o.remove(last);
      } else {
        o.set(last, value);
      }
    } else if (parent instanceof ArrayNode a) {
      int i = Integer.parseInt(last);
      if (value == null) {
        a.remove(i);
      } else {
        a.set(i, value);
      }
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsString(node)
          .replace(SURROGATE, "\\ud800")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
