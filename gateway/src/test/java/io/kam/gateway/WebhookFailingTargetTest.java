package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A target that never answers: each delivery gives up after its retry period, then the subscription
 * is disabled.
 */
@QuarkusTest
@TestProfile(WebhookFailingTargetTest.ShortPatience.class)
class WebhookFailingTargetTest {

  public static class ShortPatience implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "kam.gateway.webhooks.retry-for", "1s",
          "kam.gateway.webhooks.disable-after", "4s");
    }
  }

  private static final String ADMIN = "Bearer " + TestAuth.client("admin-ada", "admin");

  @Test
  void aContinuouslyFailingTargetIsDisabledAndItsDeliveriesGiveUpInTurn() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort(); // nothing listens there once closed
    }
    String account = UUID.randomUUID().toString();
    String id =
        WebhooksTest.subscribe(ADMIN, "http://127.0.0.1:" + closed + "/hook", account)
            .path("webhook.id");
    // Each delivery fails for retry-for (1 s) before the next event's turn: eight events keep the
    // target failing for well over disable-after (4 s), however fast the machine.
    for (int i = 1; i <= 8; i++) {
      WebhookEvents.publish(
          "kam.account.events",
          "kam.account.updated.v1",
          account,
          i,
          "{\"id\":\"" + account + "\",\"ownerId\":\"kam-anna\"}");
    }
    await()
        .atMost(Duration.ofSeconds(120))
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
        .body("disabledReason", startsWith("failing continuously since"));
    given()
        .header("Authorization", ADMIN)
        .get("/api/v1/webhooks/" + id + "/deliveries?status=FAILED")
        .then()
        .statusCode(200)
        .body("items.size()", greaterThan(0))
        .body("items[0].lastError", equalTo("connection failed"));
  }
}
