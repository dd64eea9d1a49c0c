package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The composed account list against stand-ins: account answers the page, kpi its batch read,
 * scoring is down. The real services' composition is proven by AccountListIncludeIT.
 */
@QuarkusTest
class AccountListIncludeTest {

  @jakarta.inject.Inject io.smallrye.faulttolerance.api.CircuitBreakerMaintenance breakers;

  @BeforeEach
  void closeBreakers() {
    breakers.resetAll();
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return given()
        .header(
            "Authorization", "Bearer " + TestAuth.client("admin-" + System.nanoTime(), "admin"));
  }

  @Test
  void eachItemGetsItsKpisAndAFailedScoringLeavesScoreNullWithOneWarning() {
    admin()
        .get(
            "/api/v1/accounts?fakeIds=a1,none-2&include=score,kpis&period=2026-Q3&sort=-name&mine=true")
        .then()
        .statusCode(200)
        .body("items.id", contains("a1", "none-2"))
        .body("items[0].query", equalTo("fakeIds=a1%2Cnone-2&sort=-name&mine=true"))
        .body("items[0].kpis.accountId", equalTo("a1"))
        .body("items[0].kpis.period", equalTo("2026-Q3"))
        .body("items[0].kpis.limit", equalTo("2"))
        .body("items[1].kpis", nullValue())
        .body("items[0].score", nullValue())
        .body("nextCursor", equalTo("next-1"))
        .body("warnings", hasSize(1))
        .body("warnings[0].part", equalTo("score"))
        .body("warnings[0].service", equalTo("scoring"));
  }

  @Test
  void onlyTheIncludedPartsAreAddedAndAsked() {
    admin()
        .get("/api/v1/accounts?fakeIds=a1&include=kpis")
        .then()
        .statusCode(200)
        .body("items[0].kpis.accountId", equalTo("a1"))
        .body("items[0]", not(org.hamcrest.Matchers.hasKey("score")))
        .body("warnings", hasSize(0));
  }

  @Test
  void anUnknownPartIs400Problem() {
    admin()
        .get("/api/v1/accounts?fakeIds=a1&include=score,plans")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("plans"));
  }

  @Test
  void anAnonymousCallerIsRefusedBeforeItsQueryIsRead() {
    given()
        .get("/api/v1/accounts?fakeIds=a1&include=nonsense")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void aPeriodKpiRefusesIsTheCallersProblem() {
    admin()
        .get("/api/v1/accounts?fakeIds=a1&include=kpis&period=bad")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", equalTo("period: not a period"));
  }

  @Test
  void withoutIncludeTheListIsProxiedUntouched() {
    admin()
        .get("/api/v1/accounts?fakeIds=a1")
        .then()
        .statusCode(200)
        .body("items[0].query", equalTo("fakeIds=a1"))
        .body("$", not(org.hamcrest.Matchers.hasKey("warnings")));
  }

  @Test
  void aQueryThatDoesNotDecodeIsABadRequestNeverA500() throws Exception {
    try (RawHttp raw = RawHttp.from("127.0.0.1")) {
      RawHttp.Response r =
          raw.get(
              "/api/v1/accounts?fakeIds=a1&q=%ZZ&include=score",
              "Authorization: Bearer "
                  + TestAuth.client("admin-" + System.nanoTime(), "admin")
                  + "\r\n");
      // Refused before any service is asked (the edge reads the query strictly): a 400, no 500.
      assertEquals(400, r.status());
    }
  }

  @Test
  void theComposedPageCarriesAWeakETagAndAnswers304ToIt() {
    String uri = "/api/v1/accounts?fakeIds=e1,e2&include=kpis&period=2026-Q2";
    Response first = admin().get(uri);
    String etag = first.header("ETag");
    assertEquals(200, first.statusCode());
    assertEquals("private, no-cache", first.header("Cache-Control"));
    admin().header("If-None-Match", etag).get(uri).then().statusCode(304).header("ETag", etag);
    admin()
        .header("If-None-Match", etag)
        .get("/api/v1/accounts?fakeIds=e1,e3&include=kpis&period=2026-Q2")
        .then()
        .statusCode(200)
        .header("ETag", not(equalTo(etag)));
  }
}
