package io.kam.demo.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's public API over {@link HttpClient}. A call answered 429, 502, 503 or 504 (and 409
 * for a request with an Idempotency-Key, meaning the first attempt is still running) or not
 * answered at all is retried with exponential backoff, honouring Retry-After; the Idempotency-Key
 * makes a repeated bulk request safe.
 */
public final class Gateway {

  /** How a call authenticates: {@code Authorization: Bearer ...} or {@code X-API-Key: ...}. */
  public record Credentials(String header, String value) {
    public static Credentials bearer(String token) {
      return new Credentials("Authorization", "Bearer " + token);
    }

    public static Credentials apiKey(String key) {
      return new Credentials("X-API-Key", key);
    }
  }

  public record Reply(int status, String body, Map<String, List<String>> headers) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public JsonNode json() {
      try {
        return body == null || body.isBlank()
            ? Payloads.JSON.nullNode()
            : Payloads.JSON.readTree(body);
      } catch (JsonProcessingException e) {
        return Payloads.JSON.nullNode();
      }
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    /** The problem's title and detail, or the start of the body, for messages. */
    public String problem() {
      JsonNode p = json();
      if (p.hasNonNull("detail") || p.hasNonNull("title")) {
        return status
            + " "
            + p.path("title").asText("")
            + (p.hasNonNull("detail") ? ": " + p.get("detail").asText() : "");
      }
      String b = body == null ? "" : body.strip();
      return status
          + (b.isEmpty() ? "" : " " + (b.length() > 200 ? b.substring(0, 200) + "..." : b));
    }
  }

  /** Sends one request; the seam tests replace. */
  public interface Transport {
    Reply send(HttpRequest request) throws IOException, InterruptedException;
  }

  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** No answer from the gateway after every retry. */
  public static final class UnreachableException extends Exception {
    public UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static final int DEFAULT_ATTEMPTS = 8;
  static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(15);
  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);

  private final URI base;
  private final Transport transport;
  private final Sleeper sleeper;

  public Gateway(URI base, Transport transport, Sleeper sleeper) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.transport = transport;
    this.sleeper = sleeper;
  }

  public static Gateway connect(String baseUrl) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Transport transport =
        request -> {
          HttpResponse<String> r =
              client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          return new Reply(r.statusCode(), r.body(), r.headers().map());
        };
    return new Gateway(URI.create(baseUrl), transport, d -> Thread.sleep(d.toMillis()));
  }

  public URI base() {
    return base;
  }

  public Reply get(String path, Credentials auth)
      throws UnreachableException, InterruptedException {
    return call("GET", path, auth, null, null, DEFAULT_ATTEMPTS);
  }

  public Reply call(
      String method,
      String path,
      Credentials auth,
      JsonNode body,
      String idempotencyKey,
      int attempts)
      throws UnreachableException, InterruptedException {
    String payload = body == null ? null : write(body);
    IOException lastError = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(REQUEST_TIMEOUT)
              .header("Accept", "application/json")
              .header(auth.header(), auth.value());
      if (idempotencyKey != null) {
        b.header("Idempotency-Key", idempotencyKey);
      }
      if (payload != null) {
        b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      Reply reply;
      try {
        reply = transport.send(b.build());
      } catch (IOException e) {
        lastError = e;
        if (attempt < attempts) {
          sleeper.sleep(backoff(attempt));
        }
        continue;
      }
      if (attempt < attempts && retryable(reply, idempotencyKey != null)) {
        sleeper.sleep(max(backoff(attempt), retryAfter(reply)));
        continue;
      }
      return reply;
    }
    throw new UnreachableException(
        "no answer from "
            + base
            + " to "
            + method
            + " "
            + path
            + " after "
            + attempts
            + " attempts: "
            + (lastError == null
                ? "?"
                : lastError.getClass().getSimpleName()
                    + (lastError.getMessage() == null ? "" : " " + lastError.getMessage())),
        lastError);
  }

  static boolean retryable(Reply reply, boolean idempotent) {
    int s = reply.status();
    return s == 429 || s == 502 || s == 503 || s == 504 || (idempotent && s == 409);
  }

  static Duration backoff(int attempt) {
    Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private static Duration retryAfter(Reply reply) {
    try {
      return reply
          .header("Retry-After")
          .map(v -> Duration.ofSeconds(Long.parseLong(v.trim())))
          .orElse(Duration.ZERO);
    } catch (NumberFormatException e) {
      return Duration.ZERO; // an HTTP date: the backoff will do
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  static String write(JsonNode body) {
    try {
      return Payloads.JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a request body", e);
    }
  }

  /**
   * A key derived from what is sent: a retried or repeated identical request is recognised, another
   * is not.
   */
  public static String idempotencyKey(String kind, JsonNode body) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(write(body).getBytes(StandardCharsets.UTF_8));
      return "demo-" + kind + "-" + HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
