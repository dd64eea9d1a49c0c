package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The edge: what reaches routing, what the services are told about the client, what is refused
 * early.
 */
@QuarkusTest
class EdgeTest {

  private static String bearer(String user, String... roles) {
    return "Authorization: Bearer " + TestAuth.client(user, roles) + "\r\n";
  }

  @Test
  void aGetOrHeadWithABodyIs400AndNeverDesynchronizesThePooledConnection() throws Exception {
    String smuggled = "GET /api/v1/accounts/smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
    for (String method : List.of("GET", "HEAD")) {
      try (RawHttp raw = RawHttp.from("127.0.0.1")) {
        RawHttp.Response r =
            raw.exchange(
                method
                    + " /api/v1/accounts/victim HTTP/1.1\r\nHost: localhost\r\n"
                    + bearer("mallory", "kam")
                    + "Content-Length: "
                    + smuggled.length()
                    + "\r\n\r\n"
                    + smuggled);
        assertEquals(400, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
      }
      try (RawHttp raw = RawHttp.from("127.0.0.1")) {
        RawHttp.Response r =
            raw.exchange(
                method
                    + " /api/v1/accounts/victim HTTP/1.1\r\nHost: localhost\r\n"
                    + bearer("mallory", "kam")
                    + "Transfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(smuggled.length())
                    + "\r\n"
                    + smuggled
                    + "\r\n0\r\n\r\n");
        assertEquals(400, r.status());
      }
    }
    // Other users' calls over the same upstream pool get their own answers, every one of them.
    String other = "Bearer " + TestAuth.client("kam-other", "kam");
    for (int i = 0; i < 70; i++) {
      given()
          .header("Authorization", other)
          .get("/api/v1/accounts/mine-" + i)
          .then()
          .statusCode(200)
          .body("uri", equalTo("/api/v1/accounts/mine-" + i))
          .body("method", equalTo("GET"));
    }
    // An empty body stated as such is harmless and passes.
    try (RawHttp raw = RawHttp.from("127.0.0.1")) {
      RawHttp.Response r =
          raw.exchange(
              "GET /api/v1/accounts/zero HTTP/1.1\r\nHost: localhost\r\n"
                  + bearer("kam-other", "kam")
                  + "Content-Length: 0\r\n\r\n");
      assertEquals(200, r.status());
      assertFalse(
          JsonPath.from(r.body()).getMap("headers").containsKey("content-length"), r.body());
    }
  }

  @Test
  void dotSegmentsEncodedSlashesAndBackslashesAre400BeforeRouting() throws Exception {
    List<String> paths =
        List.of(
            "/api/v1/accounts/../api-keys",
            "/api/v1/./accounts",
            "/api/v1/accounts/..",
            "/api/v1/accounts/%2e%2e/admin/account/x",
            "/api/v1/accounts/%2E/x",
            "/api/v1/accounts/a%2fb",
            "/api/v1/accounts/a%2Fkpis",
            "/api/v1/accounts/a%5cb",
            "/q/../api/v1/me");
    try (RawHttp raw = RawHttp.from("127.0.0.1")) {
      for (String path : paths) {
        RawHttp.Response r = raw.get(path, bearer("kam-anna", "kam"));
        assertEquals(400, r.status(), path);
        assertEquals("application/problem+json", r.header("Content-Type"), path);
        assertEquals(400, JsonPath.from(r.body()).getInt("status"), path);
      }
    }
    try (RawHttp raw = RawHttp.from("127.0.0.1")) {
      // A raw backslash never gets past the HTTP parser (plain 400).
      assertEquals(400, raw.get("/api/v1/accounts/a\\b", bearer("kam-anna", "kam")).status());
    }
  }

  @Test
  void anOverLongSegmentOrUriIs414Problem() throws Exception {
    try (RawHttp raw = RawHttp.from("127.0.0.1")) {
      RawHttp.Response segment =
          raw.get("/api/v1/accounts/" + "a".repeat(5000), bearer("kam-anna", "kam"));
      assertEquals(414, segment.status());
      assertEquals("application/problem+json", segment.header("Content-Type"));
      assertEquals(414, JsonPath.from(segment.body()).getInt("status"));
    }
    try (RawHttp raw = RawHttp.from("127.0.0.1")) {
      RawHttp.Response query =
          raw.get("/api/v1/accounts?q=" + "b/".repeat(20_000), bearer("kam-anna", "kam"));
      assertEquals(414, query.status());
      assertEquals("application/problem+json", query.header("Content-Type"));
    }
  }

  @Test
  void forwardingHeadersFromAClientAreDroppedAndXForwardedForEndsWithItsAddress() throws Exception {
    String forged =
        "X-Forwarded-For: 10.9.8.7\r\nX-Real-IP: 10.9.8.7\r\nForwarded: for=10.9.8.7\r\n"
            + "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n";
    try (RawHttp raw = RawHttp.from("127.0.0.1")) {
      JsonPath echoed =
          JsonPath.from(raw.get("/api/v1/accounts", bearer("kam-anna", "kam") + forged).body());
      assertEquals("127.0.0.1", echoed.getString("headers.x-forwarded-for"));
      for (String dropped :
          List.of("x-real-ip", "forwarded", "x-forwarded-host", "x-forwarded-proto")) {
        assertFalse(
            echoed.getMap("headers").containsKey(dropped),
            dropped + " passed: " + echoed.prettify());
      }
    }
  }

  @Test
  void aTrustedProxysForwardedForIsKeptAndExtendedWithThePeer() throws Exception {
    try (RawHttp raw = RawHttp.from("127.0.0.2")) {
      JsonPath echoed =
          JsonPath.from(
              raw.get(
                      "/api/v1/accounts",
                      bearer("kam-anna", "kam")
                          + "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n")
                  .body());
      assertEquals("203.0.113.9, 127.0.0.2", echoed.getString("headers.x-forwarded-for"));
      assertEquals("https", echoed.getString("headers.x-forwarded-proto"));
      // A list that is not all addresses is not believed, even from a trusted proxy.
      echoed =
          JsonPath.from(
              raw.get(
                      "/api/v1/accounts",
                      bearer("kam-anna", "kam") + "X-Forwarded-For: 203.0.113.9, <script>\r\n")
                  .body());
      assertEquals("127.0.0.2", echoed.getString("headers.x-forwarded-for"));
    }
  }

  @Test
  void anAddressPastItsFailedAuthenticationsGets429EvenWithGoodCredentials() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    RawHttp.Response limited = null;
    try (RawHttp raw = RawHttp.from("127.0.0.3")) {
      for (int i = 0; i < 260 && limited == null; i++) {
        String key = i % 2 == 0 ? "kam_" + "0".repeat(12) + "_" + "f".repeat(48) : "garbage-" + i;
        RawHttp.Response r = raw.get("/api/v1/accounts", "X-API-Key: " + key + "\r\n");
        statuses.add(r.status());
        if (r.status() == 429) {
          limited = r;
        }
      }
      assertNotNull(limited, "no 429 among " + statuses.size() + " failures");
      assertTrue(
          statuses.subList(0, 200).stream().allMatch(s -> s == 401),
          "the first 200 failures are 401");
      assertEquals("application/problem+json", limited.header("Content-Type"));
      assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
      assertEquals(429, raw.get("/api/v1/accounts", bearer("kam-anna", "kam")).status());
      assertEquals(429, raw.get("/q/openapi", "").status());
    }
    // Only that address: another client is unaffected.
    given()
        .header("Authorization", "Bearer " + TestAuth.client("kam-anna", "kam"))
        .get("/api/v1/accounts")
        .then()
        .statusCode(200);
  }

  @Test
  void routesWithoutCredentialsAreRateLimitedPerAddress() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    try (RawHttp raw = RawHttp.from("127.0.0.4")) {
      for (int i = 0; i < 45; i++) {
        RawHttp.Response r = raw.get("/q/openapi", "");
        statuses.add(r.status());
        if (r.status() == 429) {
          assertNotNull(r.header("Retry-After"));
          assertEquals("application/problem+json", r.header("Content-Type"));
        }
      }
    }
    assertTrue(statuses.contains(429), "no 429 among " + statuses);
    given().get("/q/openapi").then().statusCode(200);
  }

  @Test
  void theGatewaysOwnEndpointsCountAgainstTheCallersRateLimit() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      for (String path : List.of("/api/v1/me", "/api/v1/system/health", "/api/v1/api-keys")) {
        String viewer =
            "Bearer "
                + TestAuth.client("viewer-own-" + System.nanoTime(), "viewer"); // 5 per second
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          calls.add(
              pool.submit(() -> given().header("Authorization", viewer).get(path).statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : calls) {
          statuses.add(f.get());
        }
        assertTrue(statuses.contains(429), path + ": no 429 among " + statuses);
      }
    } finally {
      pool.shutdown();
    }
  }
}
