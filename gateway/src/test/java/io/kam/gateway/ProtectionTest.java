package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProtectionTest {

  @Test
  void aClientOverItsRoleLimitGets429WithRetryAfter() {
    String viewer = "Bearer " + TestAuth.client("viewer-" + System.nanoTime(), "viewer");
    List<Integer> statuses = new ArrayList<>();
    String retryAfter = null;
    for (int i = 0; i < 20; i++) {
      var r = given().header("Authorization", viewer).get("/api/v1/accounts");
      statuses.add(r.statusCode());
      assertEquals("5", r.header("X-RateLimit-Limit"), "the limit is named on every answer");
      if (r.statusCode() == 429) {
        retryAfter = r.header("Retry-After");
        r.then().contentType("application/problem+json").body("status", equalTo(429));
      }
    }
    assertTrue(statuses.contains(429), "expected a 429 among " + statuses);
    assertTrue(
        statuses.stream().filter(s -> s == 200).count() >= 5,
        "the first requests pass: " + statuses);
    assertTrue(Integer.parseInt(retryAfter) >= 1);
    // Limits are per client: another viewer is not affected.
    given()
        .header(
            "Authorization",
            "Bearer " + TestAuth.client("viewer-other-" + System.nanoTime(), "viewer"))
        .get("/api/v1/accounts")
        .then()
        .statusCode(200);
  }

  @Test
  void aBodyOverTheLimitIs413() {
    byte[] big = new byte[11 * 1024 * 1024];
    given()
        .header("Authorization", "Bearer " + TestAuth.client("kam-anna", "kam"))
        .contentType("application/json")
        .body(big)
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
  }

  @Test
  void aChunkedBodyOverTheLimitIs413Problem() throws Exception {
    try (RawHttp raw = RawHttp.from("127.0.0.1")) {
      String head =
          "PUT /api/v1/sync/accounts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + TestAuth.client("kam-anna", "kam")
              + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
      String chunk = Integer.toHexString(1024 * 1024) + "\r\n" + "x".repeat(1024 * 1024) + "\r\n";
      StringBuilder request = new StringBuilder(head);
      for (int i = 0; i < 11; i++) {
        request.append(chunk);
      }
      request.append("0\r\n\r\n");
      RawHttp.Response r;
      try {
        r = raw.exchange(request.toString());
      } catch (java.net.SocketException closedWhileSending) {
        r = raw.read(false); // the gateway answered and closed before the whole body was sent
      }
      org.junit.jupiter.api.Assertions.assertEquals(413, r.status());
      org.junit.jupiter.api.Assertions.assertEquals(
          "application/problem+json", r.header("Content-Type"));
    }
  }

  @Test
  void anEmpty413FromAServiceBecomesAProblem() {
    given()
        .header("Authorization", "Bearer " + TestAuth.client("kam-anna", "kam"))
        .contentType("application/json")
        .body("{}")
        .put("/api/v1/accounts/too-large")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413));
  }

  @Test
  void corsPreflightFromAConfiguredOriginIsAllowed() {
    given()
        .header("Origin", "http://localhost:3000")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "Authorization")
        .options("/api/v1/accounts")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "http://localhost:3000");
  }

  @Test
  void everyResponseCarriesARequestIdAndTheAccessLogNeverNeedsSecrets() {
    given()
        .header("Authorization", "Bearer " + TestAuth.client("kam-anna", "kam"))
        .get("/api/v1/accounts")
        .then()
        .header("X-Request-Id", notNullValue());
  }
}
