package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kam.platform.PlatformTestResource;
import io.kam.platform.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own database goes away (connections cut, new ones refused): bearer-token callers
 * are still authenticated and proxied, API-key callers get a 503 problem with Retry-After, and
 * readiness stays UP showing the API-key store DOWN; once the database is back, keys work again.
 */
@QuarkusTest
class GatewayWithoutDatabaseTest {

  @TestHTTPResource(value = "/health/ready", management = true)
  URL ready;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @Test
  void bearerCallersAreServedAndApiKeyCallersGet503WhileTheDatabaseIsDown() throws Exception {
    String key =
        given()
            .header("Authorization", "Bearer " + TestAuth.client("admin-ada", "admin"))
            .contentType("application/json")
            .body("{\"name\":\"down-" + UUID.randomUUID() + "\",\"roles\":[\"integration\"]}")
            .post("/api/v1/api-keys")
            .then()
            .statusCode(201)
            .extract()
            .path("key");
    String bearer = "Bearer " + TestAuth.client("kam-anna", "kam");
    String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    cut(database, true);
    try {
      given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200);
      given()
          .header("Authorization", bearer)
          .get("/api/v1/me")
          .then()
          .statusCode(200)
          .body("userId", equalTo("kam-anna"));
      given().header("Authorization", bearer).get("/api/v1/accounts").then().statusCode(200);
      for (String path : new String[] {"/api/v1/accounts", "/api/v1/me"}) {
        given()
            .header("X-API-Key", key)
            .get(path)
            .then()
            .statusCode(503)
            .contentType("application/problem+json")
            .header("Retry-After", "30")
            .body("status", equalTo(503));
      }
      given()
          .get(ready)
          .then()
          .statusCode(200)
          .body("status", equalTo("UP"))
          .body("checks.name", hasItem("API-key store (informational)"))
          .body(
              "checks.find { it.name == 'API-key store (informational)' }.data.apiKeyStore",
              equalTo("DOWN"));
    } finally {
      cut(database, false);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> given().header("X-API-Key", key).get("/api/v1/me").statusCode() == 200);
    given()
        .get(ready)
        .then()
        .statusCode(200)
        .body(
            "checks.find { it.name == 'API-key store (informational)' }.data.apiKeyStore",
            equalTo("UP"));
  }

  /**
   * As a database outage looks to the gateway: its connections are terminated and new ones refused.
   * Done from the server's maintenance database, so no other database is touched.
   */
  private static void cut(String database, boolean down) throws Exception {
    String url = PlatformTestResource.shared().jdbcUrl("postgres");
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("alter database " + database + " allow_connections " + !down);
      if (down) {
        s.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                + database
                + "'");
      }
    }
  }
}
