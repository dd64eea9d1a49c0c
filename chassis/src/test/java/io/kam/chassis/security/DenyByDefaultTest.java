package io.kam.chassis.security;

import static io.kam.chassis.Auth.as;
import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DenyByDefaultTest {

  @Test
  void anEndpointWithoutRoleAnnotationsIs403EvenForAnAdmin() {
    as("admin-ada", "admin")
        .when()
        .get("/api/v1/forgotten")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as("nobody").when().get("/api/v1/forgotten").then().statusCode(403);
  }

  @Test
  void anEndpointWithoutRoleAnnotationsIs401WithoutCredential() {
    given().when().get("/api/v1/forgotten").then().statusCode(401);
  }
}
