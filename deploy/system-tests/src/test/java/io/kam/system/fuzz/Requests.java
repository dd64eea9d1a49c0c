package io.kam.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The malformed requests of one operation: hostile path ids, query values (NUL, huge, unicode,
 * out-of-range limits, forged and foreign cursors, far dates), stale or garbage If-Match, and the
 * body mutations; at most {@link #MAX_PER_OPERATION} of them, chosen by the seeded random.
 */
final class Requests {

  static final int MAX_PER_OPERATION = 120;
  private static final List<String> PATH_VALUES =
      List.of(
          "%20",
          "not-a-uuid",
          "%00",
          "%C3%A9%F0%9F%98%80",
          "-1",
          "99999999999999999999",
          "%ED%A0%80",
          "%FF",
          "00000000-0000-0000-0000-00000000000g",
          "..%2F..%2Fetc");

  private static final List<String> ALWAYS =
      List.of("a\u0000b", "q".repeat(3_000), "+999999999-12-31");

  private final Map<String, String> ids;
  private final String foreignCursor;
  private final String source;

  Requests(Map<String, String> ids, String foreignCursor, String source) {
    this.ids = ids;
    this.foreignCursor = foreignCursor;
    this.source = source;
  }

  List<FuzzCase> of(Operation op, Random random) {
    List<FuzzCase> cases = new ArrayList<>();
    String path = path(op, null, null);
    String query = requiredQuery(op);
    for (JsonNode p : op.pathParams()) {
      String name = p.path("name").asText();
      for (String v : PATH_VALUES) {
        cases.add(request(op, "path " + name + "=" + v, path(op, name, v) + query, null, null));
      }
    }
    for (JsonNode q : op.queryParams()) {
      String name = q.path("name").asText();
      List<String> values;
      if (name.equals("limit") || name.equals("cursor")) {
        values = queryValues();
      } else {
        // Always the values that broke services before (NUL, huge, a far date), then a seeded few.
        values = new ArrayList<>(ALWAYS);
        values.addAll(pick(random, 3));
      }
      for (String v : values) {
        cases.add(
            request(
                op,
                "query " + name + "=" + abbreviate(v),
                path + join(query, name + "=" + encode(v)),
                null,
                null));
      }
    }
    cases.add(
        request(op, "unknown query parameter with NUL", path + join(query, "zzz=%00"), null, null));
    if (op.writes()) {
      for (String etag : List.of("*", "\"garbage\"", "W/\"1\"", "x".repeat(5_000), "")) {
        FuzzCase c = request(op, "If-Match " + abbreviate(etag), path + query, null, null);
        c.headers().put("If-Match", etag);
        cases.add(c);
      }
      FuzzCase key = request(op, "Idempotency-Key huge", path + query, null, null);
      key.headers().put("Idempotency-Key", "k".repeat(3_000));
      cases.add(key);
    }
    if (op.contentType() != null) {
      JsonNode example = safeExample(op.example());
      for (Map.Entry<String, byte[]> b : BodyMutations.of(example).entrySet()) {
        cases.add(request(op, "body " + b.getKey(), path + query, op.contentType(), b.getValue()));
      }
      byte[] valid = example == null ? new byte[0] : BodyMutations.bytes(example);
      for (Map.Entry<String, String> t : BodyMutations.contentTypes().entrySet()) {
        cases.add(request(op, t.getKey(), path + query, t.getValue(), valid));
      }
      cases.add(request(op, "no content type", path + query, "", valid));
    }
    if (cases.size() > MAX_PER_OPERATION) {
      Collections.shuffle(cases, random);
      cases = new ArrayList<>(cases.subList(0, MAX_PER_OPERATION));
    }
    return cases;
  }

  private FuzzCase request(
      Operation op, String label, String pathAndQuery, String contentType, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (op.writes() && !op.method().equals("POST")) {
      headers.put("If-Match", "\"0\"");
    }
    if (contentType != null && !contentType.isEmpty()) {
      headers.put("Content-Type", contentType);
    }
    return new FuzzCase(op.name(), label, op.method(), pathAndQuery, headers, body);
  }

  /**
   * The operation's path with real fixture ids, one parameter replaced by a raw (encoded) value.
   */
  private String path(Operation op, String hostile, String raw) {
    String path = op.path();
    for (JsonNode p : op.pathParams()) {
      String name = p.path("name").asText();
      String value = name.equals(hostile) ? raw : idFor(op.path(), name);
      path = path.replace("{" + name + "}", value);
    }
    return path;
  }

  private String idFor(String path, String name) {
    if (name.equals("service")) {
      return "account";
    }
    if (name.equals("planId") || (name.equals("id") && path.startsWith("/api/v1/plans/{id}"))) {
      return ids.get("plan");
    }
    if (name.equals("contactId")) {
      return ids.get("contact");
    }
    if (name.equals("id") && path.startsWith("/api/v1/accounts/{id}")) {
      return ids.get("account");
    }
    return ids.get("random");
  }

  private static String requiredQuery(Operation op) {
    String query = "";
    for (JsonNode q : op.queryParams()) {
      if (q.path("required").asBoolean(false)) {
        String name = q.path("name").asText();
        String value =
            name.equals("period") ? "2026-Q3" : q.path("schema").path("enum").path(0).asText("x");
        query = join(query, name + "=" + encode(value));
      }
    }
    return query;
  }

  private List<String> pick(Random random, int n) {
    List<String> others = new ArrayList<>(queryValues());
    others.removeAll(ALWAYS);
    Collections.shuffle(others, random);
    return others.subList(0, n);
  }

  private List<String> queryValues() {
    return List.of(
        "a\u0000b",
        "q".repeat(3_000),
        "Zoë 😀 \u202e\uFFFF",
        "-1",
        "0",
        "501",
        "99999999999999999999",
        "abc",
        "0000-01",
        "+999999999-12-31",
        "9999-13",
        "AAAA",
        "!!",
        foreignCursor,
        "",
        "true'--",
        "1e400");
  }

  /**
   * The documented example, with its sources made the fuzzer's own (bulk upserts must not touch
   * others' data).
   */
  private JsonNode safeExample(JsonNode example) {
    if (example == null) {
      return null;
    }
    JsonNode copy = example.deepCopy();
    rename(copy);
    return copy;
  }

  private void rename(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (String f : List.of("source", "accountSource")) {
        if (o.has(f)) {
          o.put(f, source);
        }
      }
      o.elements().forEachRemaining(this::rename);
    } else if (node != null && node.isArray()) {
      node.forEach(this::rename);
    }
  }

  private static String join(String query, String param) {
    return (query.isEmpty() ? "?" : query + "&") + param;
  }

  static String encode(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String v) {
    String printable = v.replace("\u0000", "\\0");
    return printable.length() > 24
        ? printable.substring(0, 24) + "...(" + v.length() + ")"
        : printable;
  }
}
