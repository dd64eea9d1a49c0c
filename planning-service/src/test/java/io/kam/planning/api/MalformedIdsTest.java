package io.kam.planning.api;

import static io.kam.planning.testdata.Api.asManager;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MalformedIdsTest {

  @Test
  void answersMalformedIdsInThePathWith400NamingTheParameter() {
    asManager()
        .get("/api/v1/plans/not-a-uuid")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("id"));
    asManager()
        .get("/api/v1/plans/not-a-uuid/risks")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("planId"));
    asManager().post("/api/v1/plans/42/activate").then().statusCode(400);
    asManager()
        .body(Map.of("description", "d", "likelihood", 1, "impact", 1))
        .post("/api/v1/plans/xyz/risks")
        .then()
        .statusCode(400);
  }
}
