package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The headers the gateway puts on answers, documented once under components/headers and named on
 * every response: the caller's rate limit, the request id, CORS, and Retry-After on 429 and 503.
 */
final class ResponseHeaders {

  private static final String REF = "#/components/headers/";

  private ResponseHeaders() {}

  static void addComponents(ObjectNode components) {
    ObjectNode headers = JsonNodes.objectAt(components, "headers");
    header(
            headers,
            "X-RateLimit-Limit",
            "The caller's rate limit at this gateway instance, in requests per second"
                + " (the most generous of the caller's roles; see KAM_RATE_LIMIT_*). Past it the answer is 429 with Retry-After.")
        .put("type", "integer")
        .put("format", "int32")
        .put("minimum", 1)
        .put("maximum", 1_000_000);
    header(
            headers,
            "Retry-After",
            "Seconds to wait before calling again (429: rate limit; 503: the owning service"
                + " is unavailable or its circuit is open).")
        .put("type", "integer")
        .put("format", "int32")
        .put("minimum", 0)
        .put("maximum", 86_400);
    header(
            headers,
            "X-Request-Id",
            "The request's id (the client's own when it sent a valid one), also in the logs.")
        .put("type", "string")
        .put("maxLength", 200)
        .put("pattern", "^[A-Za-z0-9._:-]{1,200}$");
    header(
            headers,
            "ETag",
            "The representation's tag: a single resource's version (\"7\", strong), else a weak tag"
                + " over the body (W/\"...\"). Send it in If-None-Match to get 304 while it holds"
                + " (and a single resource's in If-Match to change it).")
        .put("type", "string")
        .put("maxLength", 200);
    header(
            headers,
            "Cache-Control",
            "`private, no-cache`: the answer is the caller's own, and is revalidated (If-None-Match)"
                + " before every use.")
        .put("type", "string")
        .put("maxLength", 100);
    header(
            headers,
            "Access-Control-Allow-Origin",
            "Present when the request's Origin is one of the configured"
                + " browser origins (KAM_CORS_ORIGINS); never a wildcard.")
        .put("type", "string")
        .put("format", "uri")
        .put("maxLength", 2000);
  }

  /** Every read answers with an ETag, revalidates with If-None-Match, and may answer 304. */
  static void conditional(ObjectNode responses) {
    if (responses.get("200") instanceof ObjectNode ok) {
      ObjectNode headers = JsonNodes.objectAt(ok, "headers");
      ref(headers, "ETag");
      ref(headers, "Cache-Control");
    }
    if (!responses.has("304")) {
      ObjectNode notModified =
          responses
              .putObject("304")
              .put(
                  "description",
                  "Not Modified: the request's If-None-Match holds the current ETag (no body)");
      ref(JsonNodes.objectAt(notModified, "headers"), "ETag");
    }
  }

  private static ObjectNode header(ObjectNode headers, String name, String description) {
    ObjectNode h = headers.putObject(name);
    h.put("description", description);
    return h.putObject("schema");
  }

  /**
   * Names the common headers on every response of {@code responses}, keeping headers a service
   * documented.
   */
  static void attach(ObjectNode responses) {
    Iterator<Map.Entry<String, JsonNode>> it = responses.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> r = it.next();
      if (!r.getValue().isObject() || r.getValue().has("$ref")) {
        continue;
      }
      ObjectNode headers = JsonNodes.objectAt((ObjectNode) r.getValue(), "headers");
      ref(headers, "X-RateLimit-Limit");
      ref(headers, "X-Request-Id");
      ref(headers, "Access-Control-Allow-Origin");
      if (r.getKey().equals("429") || r.getKey().equals("503")) {
        ref(headers, "Retry-After");
      }
    }
  }

  private static void ref(ObjectNode headers, String name) {
    if (!headers.has(name)) {
      headers.putObject(name).put("$ref", REF + name);
    }
  }
}
