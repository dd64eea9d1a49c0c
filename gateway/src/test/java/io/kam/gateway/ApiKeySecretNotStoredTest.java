package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An API key issued with an Idempotency-Key: the replayable response is stored without the secret.
 */
@QuarkusTest
class ApiKeySecretNotStoredTest {

  @Inject Jdbc jdbc;

  private static Response issue(String idempotencyKey, String name) {
    return given()
        .header("Authorization", "Bearer " + TestAuth.client("admin-ada", "admin"))
        .header("Idempotency-Key", idempotencyKey)
        .contentType("application/json")
        .body("{\"name\":\"" + name + "\",\"roles\":[\"integration\"]}")
        .post("/api/v1/api-keys");
  }

  @Test
  void theStoredResponseOfAnIssuedKeyNeverHoldsTheSecretAndAReplayAnswersWithoutIt() {
    String idempotencyKey = UUID.randomUUID().toString();
    String name = "crm-" + UUID.randomUUID();
    Response first = issue(idempotencyKey, name);
    first.then().statusCode(201).body("key", startsWith("kam_"));
    String secret = first.path("key");

    String stored = storedBody(idempotencyKey);
    assertFalse(stored.contains(secret), "the idempotency table holds the secret");
    assertFalse(
        stored.contains(secret.substring(secret.length() - 16)),
        "the idempotency table holds part of the secret");

    issue(idempotencyKey, name)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first.path("id")))
        .body("name", equalTo(name))
        .body("key", nullValue());
    given()
        .header("X-API-Key", secret)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("apiKeyName", equalTo(name));
  }

  private String storedBody(String idempotencyKey) {
    return jdbc.one(
            "select body from kam_chassis.idempotency_key where idem_key = :key",
            SqlParams.of("key", idempotencyKey),
            row -> row.string("body"))
        .orElseThrow(() -> new AssertionError("the response is stored for replays"));
  }
}
