package io.kam.planning.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

  @Test
  void documentsThePlanningPaths() {
    given()
        .header("Authorization", "Bearer " + io.kam.platform.TestAuth.internal("kam-gateway"))
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths", hasKey("/api/v1/plans"))
        .body("paths", hasKey("/api/v1/plans/{id}/activate"))
        .body("paths", hasKey("/api/v1/plans/{planId}/objectives/{id}"))
        .body("paths", hasKey("/api/v1/actions"))
        .body("paths.'/api/v1/plans'.post.summary", notNullValue());
  }
}
