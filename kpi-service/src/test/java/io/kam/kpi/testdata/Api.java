package io.kam.kpi.testdata;

import static io.restassured.RestAssured.given;

import io.kam.platform.TestAuth;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** REST Assured shortcuts for the kpi-service API, as the gateway would call it. */
public final class Api {

  private Api() {}

  public static RequestSpecification as(String role) {
    return given()
        .header("Authorization", "Bearer " + TestAuth.internal("user-" + role, role))
        .contentType(ContentType.JSON);
  }

  public static RequestSpecification integration() {
    return as("integration");
  }

  public static RequestSpecification viewer() {
    return as("viewer");
  }

  /** PUTs revenue lines and returns the per-item results (200 expected). */
  public static List<Map<String, Object>> putLines(Object... items) {
    return integration()
        .body(Map.of("items", List.of(items)))
        .when()
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("results");
  }

  public static List<Map<String, Object>> putSurveys(Object... items) {
    return integration()
        .body(Map.of("items", List.of(items)))
        .when()
        .put("/api/v1/survey-responses")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("results");
  }

  /** Numbers as BigDecimal: the API's decimals are exact and must be compared exactly. */
  public static JsonPath exact(String json) {
    return new JsonPath(json)
        .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
  }

  public static JsonPath kpis(UUID accountId, String period) {
    return viewer()
        .queryParam("period", period)
        .when()
        .get("/api/v1/accounts/{id}/kpis", accountId)
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .transform(Api::exact);
  }

  public static JsonPath kpisWithChildren(UUID accountId, String period) {
    return viewer()
        .queryParam("period", period)
        .queryParam("includeChildren", "true")
        .when()
        .get("/api/v1/accounts/{id}/kpis", accountId)
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .transform(Api::exact);
  }

  public static JsonPath portfolio(String period, String ownerId) {
    return viewer()
        .queryParam("period", period)
        .queryParam("ownerId", ownerId)
        .when()
        .get("/api/v1/portfolio/kpis")
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .transform(Api::exact);
  }
}
