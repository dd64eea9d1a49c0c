package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.path.json.JsonPath;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A partner subscribes with its API key; a real receiver verifies every signature, fails the first
 * attempts (500, then 429 with Retry-After), answers once beyond the gateway's timeout, and in the
 * end has every event of its accounts, in order per account, once in effect (deduplicated on {@code
 * webhook-id}, as Standard Webhooks receivers do). A replay sends them again.
 */
class WebhooksIT {

  private final SystemUnderTest sut = SystemUnderTest.get();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /** One request as the receiver saw it. */
  record Seen(String id, String subject, long sequence, boolean verified, boolean accepted) {}

  @Test
  void aPartnerReceivesEveryEventOfItsAccountsInOrderOnceInEffectThroughFailuresAndReplays()
      throws Exception {
    Instant start = Instant.now().minusSeconds(5);
    List<Seen> seen = new CopyOnWriteArrayList<>();
    AtomicInteger requests = new AtomicInteger();
    String[] secret = new String[1];
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          String ts = exchange.getRequestHeaders().getFirst("webhook-timestamp");
          String sig = exchange.getRequestHeaders().getFirst("webhook-signature");
          JsonPath event = JsonPath.from(body);
          int n = requests.incrementAndGet();
          int status = n == 1 ? 500 : n == 2 ? 429 : 200;
          seen.add(
              new Seen(
                  id,
                  event.getString("subject"),
                  event.getLong("sequence"),
                  verify(secret[0], id, ts, body, sig),
                  status == 200));
          if (n == 3) {
            sleep(3_000); // beyond the gateway's 2 s: it gives up and sends this one again
          }
          if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", "1");
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String admin = "Bearer " + sut.token("admin-wh-" + run, "admin");
      String key =
          given()
              .baseUri(sut.gatewayUrl())
              .header("Authorization", admin)
              .contentType("application/json")
              .body("{\"name\":\"wh-crm-" + run + "\",\"roles\":[\"integration\"]}")
              .post("/api/v1/api-keys")
              .then()
              .statusCode(201)
              .extract()
              .path("key");
      String owner = "kam-wh-" + run;
      String target = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/kam";
      var created =
          given()
              .baseUri(sut.gatewayUrl())
              .header("X-API-Key", key)
              .contentType("application/json")
              .body(
                  "{\"targetUrl\":\""
                      + target
                      + "\",\"eventTypes\":[\"kam.account.*\"],\"ownerId\":\""
                      + owner
                      + "\"}")
              .post("/api/v1/webhooks")
              .then()
              .statusCode(201)
              .extract();
      secret[0] = created.path("secret");
      String webhook = created.path("webhook.id");

      String kam = "Bearer " + sut.token(owner, "kam");
      List<String> accounts = new ArrayList<>();
      for (int a = 0; a < 3; a++) {
        String account =
            given()
                .baseUri(sut.gatewayUrl())
                .header("Authorization", kam)
                .contentType("application/json")
                .body("{\"name\":\"Webhook " + run + " " + a + "\",\"ownerId\":\"" + owner + "\"}")
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        accounts.add(account);
        for (int u = 1; u <= 2; u++) {
          given()
              .baseUri(sut.gatewayUrl())
              .header("Authorization", kam)
              .header("If-Match", "*")
              .contentType("application/merge-patch+json")
              .body("{\"name\":\"Webhook " + run + " " + a + " v" + u + "\"}")
              .patch("/api/v1/accounts/" + account)
              .then()
              .statusCode(200);
        }
      }

      // Three events per account (created, updated, updated), each once in effect.
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> firstReceipts(seen).size() == 9);
      assertTrue(seen.stream().allMatch(Seen::verified), "every signature verifies");
      Map<String, List<Long>> perAccount = new LinkedHashMap<>();
      for (Seen s : firstReceipts(seen)) {
        perAccount.computeIfAbsent(s.subject(), k -> new ArrayList<>()).add(s.sequence());
      }
      assertEquals(Set.copyOf(accounts), perAccount.keySet());
      perAccount.forEach(
          (account, sequences) ->
              assertEquals(
                  sequences.stream().sorted().toList(), sequences, "in order: " + account));
      assertTrue(requests.get() >= 12, "500, 429 and the slow answer were sent again");

      var log =
          given()
              .baseUri(sut.gatewayUrl())
              .header("X-API-Key", key)
              .get("/api/v1/webhooks/" + webhook + "/deliveries?limit=100")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertEquals(9, log.getList("items").size());
      assertTrue(log.getList("items.status").stream().allMatch("DELIVERED"::equals));
      assertTrue(log.getList("items.attempts", Integer.class).stream().anyMatch(n -> n >= 2));

      int before = seen.size();
      given()
          .baseUri(sut.gatewayUrl())
          .header("X-API-Key", key)
          .post("/api/v1/webhooks/" + webhook + "/replay?from=" + start)
          .then()
          .statusCode(202)
          .body("events", org.hamcrest.Matchers.equalTo(9));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  seen.subList(before, seen.size()).stream().map(Seen::id).distinct().count() == 9);
      assertEquals(9, firstReceipts(seen).size(), "a replay sends the same events (same ids)");
    } finally {
      receiver.stop(0);
    }
  }

  /**
   * Each event id at its first accepted (200) receipt, in the order received (the receiver's
   * deduplication).
   */
  private static List<Seen> firstReceipts(List<Seen> seen) {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    return seen.stream().filter(s -> s.accepted() && ids.add(s.id())).toList();
  }

  /** What a partner writes: HMAC-SHA256 of id.timestamp.body with the secret's decoded bytes. */
  private static boolean verify(String secret, String id, String ts, String body, String header) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
      String expected =
          "v1,"
              + Base64.getEncoder()
                  .encodeToString(
                      mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
      return List.of(header.split(" ")).contains(expected)
          && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts)) < 300;
    } catch (Exception e) {
      return false;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
