package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.gateway.apikey.ApiKeyAuthenticator;
import io.kam.gateway.apikey.ApiKeyRevocations;
import io.kam.gateway.apikey.ApiKeyStore;
import io.kam.platform.TestAuth;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeysTest {

  @Inject Jdbc jdbc;

  private static String admin() {
    return "Bearer " + TestAuth.client("admin-ada", "admin");
  }

  private static Response issue(String name, String... roles) {
    String body = "{\"name\":\"" + name + "\",\"roles\":[\"" + String.join("\",\"", roles) + "\"]}";
    return given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(body)
        .post("/api/v1/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .response();
  }

  @Test
  void anIssuedKeyIsShownOnceAndAuthenticatesProxiedAndLocalCalls() {
    String name = "crm-" + UUID.randomUUID();
    Response issued = issue(name, "integration");
    String key = issued.path("key");
    given()
        .header("X-API-Key", key)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("apiKeyName", equalTo(name))
        .body("roles", hasItem("integration"));
    given()
        .header("X-API-Key", key)
        .get("/api/v1/accounts")
        .then()
        .statusCode(200)
        .body("headers.authorization", startsWith("Bearer "));
    given()
        .header("Authorization", admin())
        .get("/api/v1/api-keys")
        .then()
        .statusCode(200)
        .body("items.find { it.name == '" + name + "' }.key", nullValue())
        .body("items.find { it.name == '" + name + "' }.prefix", equalTo(issued.path("prefix")));
  }

  @Test
  void onlyTheHashOfTheSecretIsStored() throws Exception {
    String key = issue("hash-" + UUID.randomUUID(), "integration").path("key");
    String secret = key.substring(key.lastIndexOf('_') + 1);
    long stored =
        jdbc.one(
                "select count(*) as n from api_key where secret_hash = :secret or secret_hash like :part",
                SqlParams.of("secret", secret, "part", "%" + secret + "%"),
                row -> row.longValue("n"))
            .orElseThrow();
    assertEquals(0, stored);
  }

  @Test
  void aRevokedKeyStopsWorkingAtOnce() {
    Response issued = issue("revoke-" + UUID.randomUUID(), "integration");
    String key = issued.path("key");
    given().header("X-API-Key", key).get("/api/v1/accounts").then().statusCode(200);
    given()
        .header("Authorization", admin())
        .delete("/api/v1/api-keys/" + issued.path("id"))
        .then()
        .statusCode(204);
    given()
        .header("X-API-Key", key)
        .get("/api/v1/accounts")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", not(nullValue()));
  }

  @Test
  void aKeyRevokedByAnotherInstanceStopsWorkingHereWithoutWaitingForTheCache() throws Exception {
    Response issued = issue("other-" + UUID.randomUUID(), "integration");
    String key = issued.path("key");
    given()
        .header("X-API-Key", key)
        .get("/api/v1/accounts")
        .then()
        .statusCode(200); // now cached here
    // What another gateway instance does when it revokes: update and notify in one transaction.
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              jdbc.update(
                  "update api_key set revoked_at = now() where id = :id",
                  SqlParams.of("id", UUID.fromString(issued.path("id"))));
              jdbc.execute(
                  "select pg_notify('kam_api_keys', :prefix)",
                  SqlParams.of("prefix", issued.path("prefix")));
            });
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> given().header("X-API-Key", key).get("/api/v1/accounts").statusCode() == 401);
  }

  @Inject ApiKeyStore store;
  @Inject Vertx vertx;
  @Inject ApiKeyRevocations revocations;

  @Test
  void aKeyRevokedThroughOneInstanceStopsWorkingInAnotherInstancesCacheAndStaysRevoked()
      throws Exception {
    ApiKeyAuthenticator other =
        new ApiKeyAuthenticator(store, vertx, revocations); // a second gateway's cache
    Response issued = issue("two-" + UUID.randomUUID(), "integration");
    String key = issued.path("key");
    assertEquals(
        "api-key:" + issued.path("name"),
        other.authenticateBlocking(key).userId()); // cached there now
    // Readers keep re-loading the key into the other cache while it is revoked here.
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService readers = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 4; i++) {
      readers.submit(
          () -> {
            while (!stop.get()) {
              try {
                other.authenticateBlocking(key);
              } catch (ProblemException expectedOnceRevoked) {
                // keep going: a stale row must never get back into the cache
              }
            }
          });
    }
    try {
      given()
          .header("Authorization", admin())
          .delete("/api/v1/api-keys/" + issued.path("id"))
          .then()
          .statusCode(204);
      await()
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> rejects(other, key));
      for (int i = 0; i < 500; i++) {
        assertTrue(
            rejects(other, key), "the revoked key authenticated again after " + i + " rejections");
      }
    } finally {
      stop.set(true);
      readers.shutdown();
    }
  }

  private static boolean rejects(ApiKeyAuthenticator authenticator, String key) {
    try {
      authenticator.authenticateBlocking(key);
      return false;
    } catch (ProblemException e) {
      return e.status() == 401;
    }
  }

  @Test
  void anIssuedKeysLocationIsPublicAndReadable() {
    String name = "loc-" + UUID.randomUUID();
    Response issued = issue(name, "integration");
    String location = issued.header("Location");
    assertEquals(
        "http://localhost:"
            + io.restassured.RestAssured.port
            + "/api/v1/api-keys/"
            + issued.path("id"),
        location);
    given()
        .header("Authorization", admin())
        .get(location)
        .then()
        .statusCode(200)
        .body("name", equalTo(name))
        .body("key", nullValue())
        .body("revokedAt", nullValue());
    given()
        .header("Authorization", admin())
        .get("/api/v1/api-keys/" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aWrongOrMalformedKeyIs401() {
    given()
        .header("X-API-Key", "kam_000000000000_deadbeef")
        .get("/api/v1/accounts")
        .then()
        .statusCode(401);
    given().header("X-API-Key", "nonsense").get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void onlyAdminsManageKeysAndNamesAndRolesAreValidated() {
    given()
        .header("Authorization", "Bearer " + TestAuth.client("kam-anna", "kam"))
        .get("/api/v1/api-keys")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body("{\"name\":\"bad name\",\"roles\":[\"superuser\"]}")
        .post("/api/v1/api-keys")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("roles[0]"));
    String name = "dup-" + UUID.randomUUID();
    issue(name, "integration");
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body("{\"name\":\"" + name + "\",\"roles\":[\"integration\"]}")
        .post("/api/v1/api-keys")
        .then()
        .statusCode(409);
  }

  @Test
  void aRevokedKeyIsStillReadableWithItsRolesAndRevocationTimeAndRevokingAgainChangesNothing() {
    Response issued = issue("read-" + UUID.randomUUID(), "viewer", "integration");
    String path = "/api/v1/api-keys/" + issued.path("id");
    given().header("Authorization", admin()).delete(path).then().statusCode(204);
    String revokedAt =
        given()
            .header("Authorization", admin())
            .get(path)
            .then()
            .statusCode(200)
            .body("roles", hasItem("viewer"))
            .body("roles", hasItem("integration"))
            .body("createdBy", not(nullValue()))
            .body("revokedAt", not(nullValue()))
            .extract()
            .path("revokedAt");
    given().header("Authorization", admin()).delete(path).then().statusCode(204);
    given()
        .header("Authorization", admin())
        .get(path)
        .then()
        .statusCode(200)
        .body("revokedAt", equalTo(revokedAt));
  }
}
