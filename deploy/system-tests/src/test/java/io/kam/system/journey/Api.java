package io.kam.system.journey;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * One client of the gateway with one credential, behaving as a careful partner would: it waits
 * out a 429 for as long as {@code Retry-After} says, and retries 502/503/504 (a service being
 * restarted, an open circuit) for a while. Writes are only retried because every one of them
 * carries an Idempotency-Key, so a retry can never apply a change twice.
 */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final String baseUrl;
  private final String header;
  private final String value;

  private Api(String baseUrl, String header, String value) {
    this.baseUrl = baseUrl;
    this.header = header;
    this.value = value;
  }

  static Api bearer(String baseUrl, String token) {
    return new Api(baseUrl, "Authorization", "Bearer " + token);
  }

  static Api apiKey(String baseUrl, String key) {
    return new Api(baseUrl, "X-API-Key", key);
  }

  Response get(String path) {
    return send("GET", path, null, null);
  }

  /** GET that must succeed; the body as a tree. */
  JsonNode read(String path) {
    Response r = get(path);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + path + " -> " + r.statusCode() + ": " + r.asString());
    }
    return tree(r);
  }

  Response post(String path, Object body) {
    return send("POST", path, body, null);
  }

  Response put(String path, Object body) {
    return send("PUT", path, body, null);
  }

  Response send(String method, String path, Object body, String ifMatch) {
    String idempotencyKey = method.equals("GET") ? null : UUID.randomUUID().toString();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      RequestSpecification r = given().baseUri(baseUrl).header(header, value).accept("application/json");
      if (idempotencyKey != null && !method.equals("DELETE") && !method.equals("PATCH")) {
        r = r.header("Idempotency-Key", idempotencyKey);
      }
      if (ifMatch != null) {
        r = r.header("If-Match", ifMatch);
      }
      if (body != null) {
        r = r.contentType(method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
            .body(body instanceof String s ? s : write(body));
      }
      Response response = r.request(method, path);
      int status = response.statusCode();
      boolean retryable = status == 429 || (UNAVAILABLE.contains(status) && (idempotencyKey != null || method.equals("GET")));
      if (!retryable || System.nanoTime() > deadline) {
        return response;
      }
      String after = response.header("Retry-After");
      sleep(status == 429 && after != null ? Long.parseLong(after) * 1000 : 500);
    }
  }

  static JsonNode tree(Response r) {
    try {
      return JSON.readTree(r.asString());
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
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
