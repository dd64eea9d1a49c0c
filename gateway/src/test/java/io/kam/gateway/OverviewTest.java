package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** In this test setup planning hangs (1 s timeout) and scoring is down; account and kpi answer. */
@QuarkusTest
class OverviewTest {

  @jakarta.inject.Inject io.smallrye.faulttolerance.api.CircuitBreakerMaintenance breakers;

  /**
   * Every test starts with closed breakers: what another test left open (a hanging service) is not
   * its concern.
   */
  @org.junit.jupiter.api.BeforeEach
  void closeBreakers() {
    breakers.resetAll();
  }

  private static String admin() {
    return "Bearer " + TestAuth.client("admin-" + System.nanoTime(), "admin");
  }

  @Test
  void failingPartsAreNullWithWarningsWhileTheRestIsServed() {
    given()
        .header("Authorization", admin())
        .get("/api/v1/accounts/acc-1/overview")
        .then()
        .statusCode(200)
        .body("account.service", equalTo("account"))
        .body("account.uri", equalTo("/api/v1/accounts/acc-1"))
        .body("kpis.uri", equalTo("/api/v1/accounts/acc-1/kpis"))
        .body("score", nullValue())
        .body("plan", nullValue())
        .body("warnings.part", hasItem("score"))
        .body("warnings.part", hasItem("plan"));
  }

  @Test
  void withPlanningHangingOverviewsAnswerWithinItsTimeoutAndAccountReadsStillSucceed()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(50);
    String token = admin();
    List<CompletableFuture<Response>> overviews = new ArrayList<>();
    List<CompletableFuture<Integer>> reads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      int n = i;
      overviews.add(
          CompletableFuture.supplyAsync(
              () ->
                  given()
                      .header("Authorization", token)
                      .get("/api/v1/accounts/acc-" + n + "/overview"),
              pool));
      reads.add(
          CompletableFuture.supplyAsync(
              () ->
                  given()
                      .header("Authorization", token)
                      .get("/api/v1/accounts/acc-" + n)
                      .statusCode(),
              pool));
    }
    for (CompletableFuture<Response> f : overviews) {
      Response r = f.get();
      assertEquals(200, r.statusCode());
      assertTrue(r.jsonPath().getString("plan") == null);
      assertTrue(r.jsonPath().getList("warnings.part").contains("plan"));
    }
    for (CompletableFuture<Integer> f : reads) {
      assertEquals(200, f.get());
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "100 overviews with planning hanging (timeout 1 s) and 100 account reads took %.1f s%n",
        seconds);
  }

  @Test
  void theOverviewNeedsCredentials() {
    given().get("/api/v1/accounts/acc-1/overview").then().statusCode(401);
  }

  @Test
  void systemHealthListsEveryService() {
    given()
        .header("Authorization", admin())
        .get("/api/v1/system/health")
        .then()
        .statusCode(200)
        .body("services.service", hasItem("planning"))
        .body("services.service", hasItem("gateway"))
        .body("services.find { it.service == 'scoring' }.status", equalTo("DOWN"))
        .body("services.find { it.service == 'account' }.status", equalTo("UP"))
        .body("services.find { it.service == 'account' }.version", equalTo("account-9.9"))
        .body("services.find { it.service == 'kpi' }.version", equalTo("kpi-9.9"));
  }

  @Test
  void anOverviewWhoseAccountServiceIsTooSlowIs504Problem() {
    given()
        .header("Authorization", admin())
        .get("/api/v1/accounts/slow-1/overview")
        .then()
        .statusCode(504)
        .contentType("application/problem+json")
        .body("status", equalTo(504));
  }

  @Test
  void anOverviewWhoseAccountServiceFailsIs503ProblemWithRetryAfter() {
    given()
        .header("Authorization", admin())
        .get("/api/v1/accounts/drop-1/overview")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("status", equalTo(503))
        .header("Retry-After", org.hamcrest.Matchers.notNullValue());
  }
}
