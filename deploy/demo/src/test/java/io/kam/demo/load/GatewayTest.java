package io.kam.demo.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayTest {

  private static final Gateway.Credentials KEY = Gateway.Credentials.apiKey("kam_secret");

  @Test
  void retriesOn429And503HonouringRetryAfter() throws Exception {
    ScriptedTransport t =
        new ScriptedTransport()
            .reply(429, "{\"title\":\"Too many requests\"}", "Retry-After", "3")
            .reply(503, "{\"title\":\"Service unavailable\"}")
            .reply(200, "{\"results\":[]}");
    Gateway.Reply r = t.gateway().call("PUT", "/api/v1/revenue-lines", KEY, body(), "k-1", 8);
    assertEquals(200, r.status());
    assertEquals(3, t.sent.size());
    assertEquals(
        List.of(Duration.ofSeconds(3), Duration.ofSeconds(1)),
        t.sleeps,
        "Retry-After, then the backoff");
    t.sent.forEach(
        s ->
            assertEquals(
                List.of("k-1"), s.headers().get("Idempotency-Key"), "the same key every time"));
    t.sent.forEach(s -> assertEquals(List.of("kam_secret"), s.headers().get("X-API-Key")));
  }

  @Test
  void a409IsRetriedOnlyForAnIdempotentRequest() throws Exception {
    ScriptedTransport t = new ScriptedTransport().reply(409, "{}").reply(200, "{}");
    assertEquals(200, t.gateway().call("PUT", "/p", KEY, body(), "k", 8).status());
    ScriptedTransport u = new ScriptedTransport().reply(409, "{}").reply(200, "{}");
    assertEquals(409, u.gateway().call("PUT", "/p", KEY, body(), null, 8).status());
  }

  @Test
  void givesUpAfterTheAttemptsWithTheLastAnswer() throws Exception {
    ScriptedTransport t = new ScriptedTransport();
    for (int i = 0; i < 3; i++) {
      t.reply(503, "{\"title\":\"Service unavailable\",\"detail\":\"kpi is down\"}");
    }
    Gateway.Reply r = t.gateway().call("PUT", "/p", KEY, body(), "k", 3);
    assertEquals(503, r.status());
    assertEquals("503 Service unavailable: kpi is down", r.problem());
    assertEquals(2, t.sleeps.size());
  }

  @Test
  void otherErrorsAreNotRetried() throws Exception {
    ScriptedTransport t = new ScriptedTransport().reply(400, "{\"title\":\"Bad request\"}");
    assertEquals(400, t.gateway().call("PUT", "/p", KEY, body(), "k", 8).status());
    assertEquals(1, t.sent.size());
  }

  @Test
  void noAnswerAtAllIsUnreachable() {
    ScriptedTransport t = new ScriptedTransport().refuse().refuse().refuse();
    Gateway.UnreachableException e =
        assertThrows(
            Gateway.UnreachableException.class,
            () -> t.gateway().call("GET", "/api/v1/me", KEY, null, null, 3));
    assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
  }

  @Test
  void aRefusedConnectionThenAnAnswerIsFine() throws Exception {
    ScriptedTransport t =
        new ScriptedTransport().refuse().reply(200, "{\"userId\":\"demo-loader\"}");
    assertEquals("demo-loader", t.gateway().get("/api/v1/me", KEY).json().get("userId").asText());
  }

  @Test
  void backoffDoublesUpToACap() {
    assertEquals(Duration.ofMillis(500), Gateway.backoff(1));
    assertEquals(Duration.ofSeconds(1), Gateway.backoff(2));
    assertEquals(Duration.ofSeconds(8), Gateway.backoff(5));
    assertEquals(Duration.ofSeconds(15), Gateway.backoff(7));
    assertEquals(Duration.ofSeconds(15), Gateway.backoff(30));
  }

  @Test
  void theIdempotencyKeyFollowsTheBody() {
    String a = Gateway.idempotencyKey("revenue", body());
    assertEquals(a, Gateway.idempotencyKey("revenue", body()));
    assertNotEquals(a, Gateway.idempotencyKey("revenue", body().put("x", 2)));
    assertNotEquals(a, Gateway.idempotencyKey("surveys", body()));
    assertTrue(a.startsWith("demo-revenue-") && a.length() <= 200, a);
  }

  @Test
  void aTrailingSlashInTheBaseUrlIsIgnored() throws Exception {
    ScriptedTransport t = new ScriptedTransport().reply(200, "{}");
    t.gateway().get("/api/v1/me", KEY);
    assertEquals("/api/v1/me", t.sent.get(0).path());
  }

  private static ObjectNode body() {
    return Payloads.JSON.createObjectNode().put("x", 1);
  }
}
