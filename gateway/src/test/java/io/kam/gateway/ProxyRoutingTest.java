package io.kam.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProxyRoutingTest {

  @jakarta.inject.Inject io.smallrye.faulttolerance.api.CircuitBreakerMaintenance breakers;

  @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
  java.net.URL metrics;

  /**
   * Every test starts with closed breakers: what another test left open (a hanging service) is not
   * its concern.
   */
  @org.junit.jupiter.api.BeforeEach
  void closeBreakers() {
    breakers.resetAll();
  }

  private static RequestSpecification given() {
    return io.restassured.RestAssured.given()
        .header("Authorization", "Bearer " + TestAuth.client("kam-anna", "kam"));
  }

  @Test
  void routesAccountPathsToAccountServiceUnchanged() {
    given()
        .when()
        .get("/api/v1/accounts/abc?limit=5")
        .then()
        .statusCode(200)
        .body("service", equalTo("account"))
        .body("uri", equalTo("/api/v1/accounts/abc?limit=5"));
  }

  @Test
  void routesTheMostSpecificPathFirst() {
    given()
        .when()
        .get("/api/v1/accounts/abc/kpis?period=2026-Q3")
        .then()
        .statusCode(200)
        .body("service", equalTo("kpi"));
    given()
        .when()
        .get("/api/v1/revenue-lines")
        .then()
        .statusCode(200)
        .body("service", equalTo("kpi"));
  }

  @Test
  void streamsRequestBodiesThroughUnchanged() {
    String body = "{\"items\":[{\"source\":\"crm\",\"externalId\":\"A-1\"}]}";
    given()
        .contentType("application/json")
        .body(body)
        .when()
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(200)
        .body("method", equalTo("PUT"))
        .body("body", equalTo(body));
  }

  @Test
  void streamsLargeResponsesThroughWhole() {
    String body =
        given().when().get("/api/v1/accounts/large").then().statusCode(200).extract().asString();
    org.junit.jupiter.api.Assertions.assertEquals("x".repeat(64 * 4096), body);
  }

  @Test
  void answersHeadWithTheLengthOfTheBody() {
    given()
        .when()
        .head("/api/v1/accounts/abc")
        .then()
        .statusCode(200)
        .header("Content-Length", org.hamcrest.Matchers.not(equalTo("0")));
  }

  @Test
  void aLocationFromAServiceNamesTheGatewayNotTheServicesAddress() {
    given()
        .contentType("application/json")
        .body("{}")
        .when()
        .post("/api/v1/accounts/created")
        .then()
        .statusCode(201)
        .header(
            "Location",
            equalTo(
                "http://localhost:"
                    + io.restassured.RestAssured.port
                    + "/api/v1/accounts/new-1?x=1"));
  }

  @Test
  void passesUpstreamStatusesThrough() {
    given()
        .when()
        .get("/api/v1/accounts/missing")
        .then()
        .statusCode(404)
        .body("service", equalTo("account"));
  }

  @Test
  void forwardsTheRequestIdItWasGivenAndEchoesIt() {
    given()
        .header("X-Request-Id", "req-123")
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(200)
        .header("X-Request-Id", "req-123")
        .body("headers.x-request-id", equalTo("req-123"));
  }

  @Test
  void generatesARequestIdWhenTheClientSentNone() {
    given()
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(200)
        .header("X-Request-Id", notNullValue())
        .body("headers.x-request-id", notNullValue());
  }

  @Test
  void answers503ProblemWhenTheServiceIsDown() {
    given()
        .when()
        .get("/api/v1/scores")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("status", equalTo(503))
        .body("detail", org.hamcrest.Matchers.startsWith("scoring-service is"))
        .header("Retry-After", notNullValue());
  }

  @Test
  void answers504ProblemWhenTheServiceIsTooSlow() {
    given()
        .when()
        .get("/api/v1/plans")
        .then()
        .statusCode(504)
        .contentType("application/problem+json")
        .body("detail", equalTo("planning-service did not answer in time"));
  }

  @Test
  void exportsEachUpstreamBreakerStateAsAGauge() {
    given().when().get("/api/v1/accounts/abc").then().statusCode(200);
    for (int i = 0; i < 25; i++) { // scoring-service is down: connection refused every time
      given().when().get("/api/v1/scores").then().statusCode(503);
    }
    String scrape =
        io.restassured.RestAssured.given().get(metrics).then().statusCode(200).extract().asString();
    org.junit.jupiter.api.Assertions.assertTrue(
        scrape.contains("kam_gateway_upstream_breaker_open{service=\"scoring\"} 1.0"), scrape);
    org.junit.jupiter.api.Assertions.assertTrue(
        scrape.contains("kam_gateway_upstream_breaker_open{service=\"account\"} 0.0"), scrape);
  }
}
