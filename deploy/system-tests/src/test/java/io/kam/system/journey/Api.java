package io.kam.system.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.demo.load.Gateway;
import io.kam.demo.load.Payloads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One client of the gateway with one credential: the demo loader's {@link Gateway}, which behaves
 * as a careful partner (waits out 429 as Retry-After says, retries 502/503/504 with backoff). Every
 * write carries an Idempotency-Key, so a retry never applies a change twice.
 */
final class Api {

  static final ObjectMapper JSON = Payloads.JSON;

  /** About 75 s of backoff: long enough for a restarted service and an open circuit to recover. */
  private static final int ATTEMPTS = 10;

  private final Gateway gateway;
  private final Gateway.Credentials credentials;

  private Api(String baseUrl, Gateway.Credentials credentials) {
    this.gateway = Gateway.connect(baseUrl);
    this.credentials = credentials;
  }

  static Api bearer(String baseUrl, String token) {
    return new Api(baseUrl, Gateway.Credentials.bearer(token));
  }

  static Api apiKey(String baseUrl, String key) {
    return new Api(baseUrl, Gateway.Credentials.apiKey(key));
  }

  Gateway.Reply get(String path) {
    return call("GET", path, null);
  }

  /** GET that must succeed; the body as a tree. */
  JsonNode read(String path) {
    Gateway.Reply r = get(path);
    if (r.status() != 200) {
      throw new AssertionError("GET " + path + " -> " + r.problem());
    }
    return r.json();
  }

  /**
   * Every page of a list, following {@code nextCursor} (while {@code hasMore}, where a list says).
   */
  List<JsonNode> pages(String path) {
    List<JsonNode> pages = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page =
          read(
              path
                  + (path.contains("?") ? "&" : "?")
                  + "limit=500"
                  + (cursor == null
                      ? ""
                      : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      pages.add(page);
      boolean more =
          page.has("hasMore")
              ? page.path("hasMore").asBoolean()
              : page.path("nextCursor").isTextual();
      cursor = more ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    return pages;
  }

  /** The items of every page of a list. */
  List<JsonNode> items(String path) {
    List<JsonNode> items = new ArrayList<>();
    pages(path).forEach(p -> p.path("items").forEach(items::add));
    return items;
  }

  Gateway.Reply post(String path, Object body) {
    return call("POST", path, body);
  }

  Gateway.Reply put(String path, Object body) {
    return call("PUT", path, body);
  }

  private Gateway.Reply call(String method, String path, Object body) {
    String idempotencyKey = method.equals("GET") ? null : UUID.randomUUID().toString();
    try {
      return gateway.call(method, path, credentials, tree(body), idempotencyKey, ATTEMPTS);
    } catch (Gateway.UnreachableException e) {
      throw new AssertionError(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode tree(Object body) {
    try {
      return body == null || body instanceof JsonNode
          ? (JsonNode) body
          : JSON.readTree((String) body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + body, e);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
