package io.kam.planning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpsEndpointsTest {

  @Test
  void readinessChecksTheDatabase() {
    given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
        .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
  }

  @Test
  void servesOpenApiAndPrometheusMetrics() {
    // The API description only for the gateway's credential (the gateway publishes the merged one).
    given().accept("application/json").when().get("/q/openapi").then().statusCode(401);
    given().when().get("/q/swagger-ui/").then().statusCode(401);
    given().header("Authorization", "Bearer " + io.kam.platform.TestAuth.internal("kam-gateway"))
        .accept("application/json").when().get("/q/openapi").then().statusCode(200)
        .body("openapi", notNullValue());
    given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
  }

  @Test
  void answersUnknownRoutesWithProblemJsonAndARequestId() {
    given().when().get("/api/v1/no-such-thing").then().statusCode(404)
        .contentType("application/problem+json").body("status", equalTo(404))
        .header("X-Request-Id", notNullValue());
  }
}
