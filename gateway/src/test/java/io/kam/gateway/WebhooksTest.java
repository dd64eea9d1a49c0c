package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.platform.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhooksTest {

  private static final String ADMIN = "Bearer " + TestAuth.client("admin-ada", "admin");

  @TestHTTPResource(value = "/metrics", management = true)
  URL metrics;

  private static String integration(String name) {
    return "Bearer " + TestAuth.client(name, "integration");
  }

  static Response subscribe(String auth, String url, String accountId) {
    return given()
        .header("Authorization", auth)
        .contentType("application/json")
        .body(
            "{\"targetUrl\":\""
                + url
                + "\",\"eventTypes\":[\"kam.account.*\"],\"accountId\":\""
                + accountId
                + "\"}")
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201)
        .extract()
        .response();
  }

  /** What a receiver does: HMAC-SHA256 of id.timestamp.body with the decoded secret. */
  static boolean verifies(String secret, WebhookReceiver.Received r) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
    String expected =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(
                    mac.doFinal(
                        (r.id() + "." + r.timestamp() + "." + r.body())
                            .getBytes(StandardCharsets.UTF_8)));
    return Arrays.asList(r.signature().split(" ")).contains(expected);
  }

  private static String accountEvent(String accountId, long sequence) {
    return WebhookEvents.publish(
        "kam.account.events",
        "kam.account.updated.v1",
        accountId,
        sequence,
        "{\"id\":\"" + accountId + "\",\"name\":\"Acme\",\"ownerId\":\"kam-anna\"}");
  }

  @Test
  void createsReadsPatchesAndDeletesASubscriptionShowingTheSecretOnce() {
    String account = UUID.randomUUID().toString();
    Response created = subscribe(ADMIN, "https://partner.example/hook", account);
    String id = created.path("webhook.id");
    String secret = created.path("secret");
    assertTrue(secret.startsWith("whsec_"));
    assertTrue(Base64.getDecoder().decode(secret.substring(6)).length >= 24);
    assertEquals("\"1\"", created.header("ETag"));
    given()
        .header("Authorization", ADMIN)
        .get("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("ENABLED"))
        .body("secret", nullValue())
        .body("eventTypes", hasItem("kam.account.*"));
    given()
        .header("Authorization", ADMIN)
        .get("/api/v1/webhooks?limit=500")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id))
        .body("items.find { it.id == '" + id + "' }.secret", nullValue());
    given()
        .header("Authorization", ADMIN)
        .contentType("application/merge-patch+json")
        .body("{\"status\":\"DISABLED\"}")
        .patch("/api/v1/webhooks/" + id)
        .then()
        .statusCode(428);
    given()
        .header("Authorization", ADMIN)
        .header("If-Match", "\"1\"")
        .contentType("application/merge-patch+json")
        .body("{\"status\":\"DISABLED\",\"description\":\"paused\"}")
        .patch("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", equalTo("DISABLED"))
        .body("disabledReason", startsWith("disabled by"))
        .body("description", equalTo("paused"));
    given()
        .header("Authorization", ADMIN)
        .header("If-Match", "\"1\"")
        .delete("/api/v1/webhooks/" + id)
        .then()
        .statusCode(412);
    given()
        .header("Authorization", ADMIN)
        .header("If-Match", "\"2\"")
        .delete("/api/v1/webhooks/" + id)
        .then()
        .statusCode(204);
    given()
        .header("Authorization", ADMIN)
        .get("/api/v1/webhooks/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void anIntegrationPartnerSeesOnlyItsOwnSubscriptionsAndOtherRolesNone() {
    String mine = integration("crm-" + UUID.randomUUID());
    String theirs = integration("erp-" + UUID.randomUUID());
    String id =
        subscribe(mine, "https://partner.example/hook", UUID.randomUUID().toString())
            .path("webhook.id");
    given().header("Authorization", mine).get("/api/v1/webhooks/" + id).then().statusCode(200);
    given().header("Authorization", theirs).get("/api/v1/webhooks/" + id).then().statusCode(404);
    given()
        .header("Authorization", theirs)
        .get("/api/v1/webhooks/" + id + "/deliveries")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", theirs)
        .get("/api/v1/webhooks")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    given().header("Authorization", ADMIN).get("/api/v1/webhooks/" + id).then().statusCode(200);
    for (String role : List.of("viewer", "kam", "kam-manager")) {
      given()
          .header("Authorization", "Bearer " + TestAuth.client("u-" + role, role))
          .get("/api/v1/webhooks")
          .then()
          .statusCode(403);
    }
    given().get("/api/v1/webhooks").then().statusCode(401);
  }

  @Test
  void revokingAnApiKeyDisablesTheSubscriptionsItCreated() {
    Response issued =
        given()
            .header("Authorization", ADMIN)
            .contentType("application/json")
            .body("{\"name\":\"crm-" + UUID.randomUUID() + "\",\"roles\":[\"integration\"]}")
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .response();
    String id =
        given()
            .header("X-API-Key", (String) issued.path("key"))
            .contentType("application/json")
            .body("{\"targetUrl\":\"https://partner.example/hook\",\"eventTypes\":[\"kam.*\"]}")
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .path("webhook.id");
    String otherId =
        subscribe(ADMIN, "https://partner.example/other", UUID.randomUUID().toString())
            .path("webhook.id");
    given()
        .header("Authorization", ADMIN)
        .delete("/api/v1/api-keys/" + issued.path("id"))
        .then()
        .statusCode(204);
    given()
        .header("Authorization", ADMIN)
        .get("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("DISABLED"))
        .body("disabledReason", equalTo("its API key was revoked"));
    given()
        .header("Authorization", ADMIN)
        .get("/api/v1/webhooks/" + otherId)
        .then()
        .statusCode(200)
        .body("status", equalTo("ENABLED"));
  }

  @Test
  void refusesBadTargetsAndPatternsWithProblems() {
    for (String body :
        List.of(
            "{\"targetUrl\":\"ftp://partner.example/x\",\"eventTypes\":[\"*\"]}",
            "{\"targetUrl\":\"https://user:pw@partner.example/x\",\"eventTypes\":[\"*\"]}",
            "{\"targetUrl\":\"https://partner.example/x\",\"eventTypes\":[\"Kam Account\"]}",
            "{\"targetUrl\":\"https://partner.example/x\",\"eventTypes\":[]}")) {
      given()
          .header("Authorization", ADMIN)
          .contentType("application/json")
          .body(body)
          .post("/api/v1/webhooks")
          .then()
          .statusCode(422)
          .contentType("application/problem+json");
    }
    given()
        .header("Authorization", ADMIN)
        .contentType("application/json")
        .body("{\"targetUrl\":\"https://partner.example/x\",\"eventTypes\":[\"*\"],\"typo\":1}")
        .post("/api/v1/webhooks")
        .then()
        .statusCode(400);
  }

  @Test
  void deliversSignedEventsAndSignsWithBothSecretsDuringARotation() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String account = UUID.randomUUID().toString();
      Response created = subscribe(ADMIN, receiver.url(), account);
      String id = created.path("webhook.id");
      String first = created.path("secret");
      String event = accountEvent(account, 1);
      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 1);
      WebhookReceiver.Received got = receiver.received.get(0);
      assertEquals(event, got.id());
      assertTrue(got.body().contains("\"id\":\"" + event + "\""), got.body());
      assertTrue(verifies(first, got));
      assertEquals(1, got.signature().split(" ").length);

      String second =
          given()
              .header("Authorization", ADMIN)
              .contentType("application/json")
              .body("{\"overlapSeconds\":3600}")
              .post("/api/v1/webhooks/" + id + "/rotate-secret")
              .then()
              .statusCode(200)
              .body("webhook.previousSecretUntil", not(nullValue()))
              .extract()
              .path("secret");
      accountEvent(account, 2);
      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 2);
      WebhookReceiver.Received rotated = receiver.received.get(1);
      assertEquals(2, rotated.signature().split(" ").length);
      assertTrue(verifies(first, rotated) && verifies(second, rotated));

      given()
          .header("Authorization", ADMIN)
          .contentType("application/json")
          .body("{\"overlapSeconds\":0}")
          .post("/api/v1/webhooks/" + id + "/rotate-secret")
          .then()
          .statusCode(200);
      accountEvent(account, 3);
      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 3);
      WebhookReceiver.Received after = receiver.received.get(2);
      assertEquals(1, after.signature().split(" ").length);
      assertTrue(!verifies(second, after) && !verifies(first, after));
    }
  }

  @Test
  void retriesAFailedDeliveryLogsItsAttemptsAndReplaysFromATime() {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.script.add(500);
      receiver.script.add(429);
      String account = UUID.randomUUID().toString();
      String id = subscribe(ADMIN, receiver.url(), account).path("webhook.id");
      String event = accountEvent(account, 1);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "DELIVERED"
                      .equals(
                          given()
                              .header("Authorization", ADMIN)
                              .get("/api/v1/webhooks/" + id + "/deliveries")
                              .path("items[0].status")));
      given()
          .header("Authorization", ADMIN)
          .get("/api/v1/webhooks/" + id + "/deliveries")
          .then()
          .body("items[0].eventId", equalTo(event))
          .body("items[0].attempts", equalTo(3))
          .body("items[0].lastStatusCode", equalTo(200))
          .body("items[0].lastResponse", equalTo("answered 200"));
      assertEquals(
          List.of(500, 429, 200), receiver.received.stream().map(r -> r.answered()).toList());
      given()
          .get(metrics)
          .then()
          .body(containsString("kam_webhook_deliveries_total{outcome=\"delivered\"}"))
          .body(containsString("kam_webhook_deliveries_total{outcome=\"retry\"}"))
          .body(containsString("kam_webhook_failures_total{reason=\"http-429\"}"))
          .body(containsString("kam_webhook_lag_seconds"));

      String delivery =
          given()
              .header("Authorization", ADMIN)
              .get("/api/v1/webhooks/" + id + "/deliveries")
              .path("items[0].id");
      given()
          .header("Authorization", ADMIN)
          .post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver")
          .then()
          .statusCode(202);
      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 4);

      given()
          .header("Authorization", ADMIN)
          .post("/api/v1/webhooks/" + id + "/replay?from=2000-01-01T00:00:00Z")
          .then()
          .statusCode(202)
          .body("events", equalTo(1));
      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received.size() == 5);
      assertEquals(event, receiver.received.get(4).id());
      given()
          .header("Authorization", ADMIN)
          .post("/api/v1/webhooks/" + id + "/replay")
          .then()
          .statusCode(400);
    }
  }

  @Test
  void aGoneTargetDisablesTheSubscription() {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.script.add(410);
      String account = UUID.randomUUID().toString();
      String id = subscribe(ADMIN, receiver.url(), account).path("webhook.id");
      accountEvent(account, 1);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "DISABLED"
                      .equals(
                          given()
                              .header("Authorization", ADMIN)
                              .get("/api/v1/webhooks/" + id)
                              .path("status")));
      given()
          .header("Authorization", ADMIN)
          .get("/api/v1/webhooks/" + id)
          .then()
          .body("disabledReason", equalTo("the target answered 410 Gone"));
      assertEquals(1, receiver.received.size());
    }
  }
}
