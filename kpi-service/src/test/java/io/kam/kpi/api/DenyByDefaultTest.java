package io.kam.kpi.api;

import static io.restassured.RestAssured.given;

import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DenyByDefaultTest {

  private static RequestSpecification withoutRole() {
    return given().header("Authorization", TestAuth.bearer(TestAuth.internal("no-role-nora")));
  }

  @Test
  void aCallerWithoutARoleReadsAndWritesNothing() {
    UUID account = UUID.randomUUID();
    withoutRole().get("/api/v1/accounts/{id}/kpis?period=2026-Q3", account).then().statusCode(403);
    withoutRole()
        .get("/api/v1/accounts/{id}/kpis/timeseries?from=2026-01&to=2026-03", account)
        .then()
        .statusCode(403);
    withoutRole().get("/api/v1/portfolio/kpis?period=2026-Q3").then().statusCode(403);
    withoutRole().get("/api/v1/accounts/{id}/kpis/snapshot", account).then().statusCode(403);
    withoutRole().get("/api/v1/kpis?accountIds={id}", account).then().statusCode(403);
    withoutRole().get("/api/v1/portfolio/kpis/timeseries").then().statusCode(403);
    withoutRole().get("/api/v1/portfolio/kpis/accounts?metric=ACTIVE").then().statusCode(403);
    withoutRole().get("/api/v1/revenue-lines").then().statusCode(403);
    withoutRole()
        .contentType("application/json")
        .body(Map.of("items", List.of()))
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(403);
    withoutRole()
        .contentType("application/json")
        .body(Map.of("items", List.of()))
        .put("/api/v1/survey-responses")
        .then()
        .statusCode(403);
  }
}
