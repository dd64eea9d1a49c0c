package io.kam.gateway;

import static io.restassured.RestAssured.given;

import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SystemHealthAccessTest {

  @Test
  void aCallerWithoutARoleMayNotReadTheSystemHealth() {
    given()
        .header("Authorization", "Bearer " + TestAuth.client("no-role-nora"))
        .get("/api/v1/system/health")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void aViewerReadsTheSystemHealth() {
    given()
        .header("Authorization", "Bearer " + TestAuth.client("vera", "viewer"))
        .get("/api/v1/system/health")
        .then()
        .statusCode(200);
  }
}
