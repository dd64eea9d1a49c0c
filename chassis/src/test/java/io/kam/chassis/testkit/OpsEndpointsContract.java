package io.kam.chassis.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * What every service promises operators: health and metrics on the management port only, OpenAPI
 * and problem+json on the public one. A service runs it against itself with a one-line
 * {@code @QuarkusTest} subclass.
 */
public abstract class OpsEndpointsContract {

  // Relative to the management root path (/q).
  @TestHTTPResource(value = "/health/ready", management = true)
  URL readiness;

  @TestHTTPResource(value = "/health/live", management = true)
  URL liveness;

  @TestHTTPResource(value = "/metrics", management = true)
  URL metrics;

  @Test
  void readinessChecksTheDatabaseOnTheManagementPort() {
    given()
        .when()
        .get(readiness)
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Database")));
    given().when().get(liveness).then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void servesPrometheusMetricsOnTheManagementPortAndOpenApiOnThePublicOne() {
    given().when().get(metrics).then().statusCode(200).body(containsString("jvm_"));
    // The API description only for the gateway's credential (the gateway publishes the merged one).
    given().accept("application/json").when().get("/q/openapi").then().statusCode(401);
    given().when().get("/q/swagger-ui/").then().statusCode(401);
    given()
        .header("Authorization", "Bearer " + io.kam.platform.TestAuth.internal("kam-gateway"))
        .accept("application/json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("openapi", notNullValue());
  }

  @Test
  void thePublicPortServesNeitherHealthNorMetrics() {
    for (String path :
        new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
      given().when().get(path).then().statusCode(404);
    }
  }

  @Test
  void answersUnknownRoutesWithProblemJsonAndARequestId() {
    given()
        .when()
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .header("X-Request-Id", notNullValue());
  }
}
