package io.kam.kpi.api;

import static io.kam.kpi.testdata.Decimals.assertValue;
import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.survey;
import static io.kam.kpi.testdata.Items.with;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.kpi.testdata.Api;
import io.kam.kpi.testdata.Items;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Per-item validation, size limits, roles and Idempotency-Key of the bulk endpoints. */
@QuarkusTest
class IngestRulesTest {

  @Test
  void rejectsBadLinesOneByOneInRequestOrder() {
    UUID id = anAccount().create().id();
    Map<String, Object> good = line(id, "2026-07-01", "A", "1.23450"); // 4 fraction digits in value
    List<Map<String, Object>> results =
        Api.putLines(
            good,
            with(good, "amount", new BigDecimal("2")), // same key again
            line(id, "2026-07-01", "A", "1.00001"),
            with(line(id, "2026-07-01", "A", "5"), "currency", "USD"),
            with(line(id, "2026-07-01", "A", "6"), "currency", "EUR"),
            with(line(id, "2026-07-01", "A", "7"), "accountId", null),
            with(line(id, "2026-07-01", "", "8")));

    assertEquals(
        List.of("CREATED", "REJECTED", "REJECTED", "REJECTED", "CREATED", "REJECTED", "REJECTED"),
        results.stream().map(r -> r.get("status")).toList());
    assertEquals(good.get("externalId"), results.get(1).get("externalId"));
    assertEquals("amount", field(results.get(2)));
    assertEquals("currency", field(results.get(3)));
    assertEquals("accountId", field(results.get(5)));
    assertEquals("productLine", field(results.get(6)));
    assertValue(Api.kpis(id, "2026-07"), "revenue", "7.2345");
  }

  @Test
  void checksSurveyScoresPerKind() {
    UUID id = anAccount().create().id();
    String at = "2026-07-01T10:00:00Z";
    List<Map<String, Object>> results =
        Api.putSurveys(
            survey(id, "CSAT", at, 5),
            survey(id, "CSAT", at, 0),
            survey(id, "CSAT", at, 6),
            survey(id, "NPS", at, 0),
            survey(id, "NPS", at, 10),
            survey(id, "NPS", at, 11),
            survey(id, "NPS", at, new BigDecimal("7.5")),
            survey(id, "NPS", at, new BigDecimal("7.0")));

    assertEquals(
        List.of(
            "CREATED",
            "REJECTED",
            "REJECTED",
            "CREATED",
            "CREATED",
            "REJECTED",
            "REJECTED",
            "CREATED"),
        results.stream().map(r -> r.get("status")).toList());
    assertEquals("score", field(results.get(1)));
    // NPS 0, 10, 7: one promoter, one detractor of three -> 0; CSAT 5 -> 100.
    assertValue(Api.kpis(id, "2026-07"), "nps", "0");
    assertValue(Api.kpis(id, "2026-07"), "csat", "100");
  }

  @Test
  void aChangedOrVoidedSurveyResponseMovesTheScores() {
    UUID id = anAccount().create().id();
    Map<String, Object> response = survey(id, "CSAT", "2026-08-31T23:30:00Z", 5);
    Api.putSurveys(response, survey(id, "CSAT", "2026-08-02T00:00:00Z", 2));
    assertValue(Api.kpis(id, "2026-08"), "csat", "50");

    assertEquals("UPDATED", Api.putSurveys(with(response, "score", 3)).get(0).get("status"));
    assertValue(Api.kpis(id, "2026-08"), "csat", "0");

    assertEquals(
        "DELETED",
        Api.putSurveys(
                Map.of(
                    "source",
                    response.get("source"),
                    "externalId",
                    response.get("externalId"),
                    "deleted",
                    true))
            .get(0)
            .get("status"));
    assertValue(Api.kpis(id, "2026-08"), "csat", "0");
    Api.putSurveys(with(response, "respondedAt", "2026-09-01T00:00:00Z"));
    assertValue(Api.kpis(id, "2026-09"), "csat", "100");
  }

  @Test
  void refusesMoreThan5000ItemsWith413() {
    List<Map<String, Object>> items = new ArrayList<>();
    UUID id = UUID.randomUUID();
    for (int i = 0; i < 5001; i++) {
      items.add(line(id, "2026-07-01", "A", "1"));
    }
    Api.integration()
        .body(Map.of("items", items))
        .when()
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(413);
    List<Map<String, Object>> surveys = new ArrayList<>();
    for (int i = 0; i < 5001; i++) {
      surveys.add(Items.nps(id, "2026-07-01T00:00:00Z", 9));
    }
    Api.integration()
        .body(Map.of("items", surveys))
        .when()
        .put("/api/v1/survey-responses")
        .then()
        .statusCode(413);
  }

  @Test
  void onlyIntegrationManagersAndAdminsIngestWhileEveryRoleReads() {
    Map<String, Object> body = Map.of("items", List.of());
    for (String role : List.of("viewer", "kam")) {
      Api.as(role).body(body).when().put("/api/v1/revenue-lines").then().statusCode(403);
      Api.as(role).body(body).when().put("/api/v1/survey-responses").then().statusCode(403);
      Api.as(role).when().get("/api/v1/revenue-lines").then().statusCode(200);
      Api.as(role).when().get("/api/v1/portfolio/kpis").then().statusCode(200);
    }
    for (String role : List.of("integration", "kam-manager", "admin")) {
      Api.as(role).body(body).when().put("/api/v1/revenue-lines").then().statusCode(200);
    }
    io.restassured.RestAssured.given().when().get("/api/v1/revenue-lines").then().statusCode(401);
  }

  @Test
  void malformedItemsAreRejectedOneByOneAndABodyWithoutItemsIs422() {
    Api.integration()
        .body("{\"items\": [{\"source\": \"erp\", \"date\": \"2026-13-01\"}]}")
        .when()
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(200)
        .body("results[0].status", equalTo("REJECTED"))
        .body("results[0].errors[0].field", equalTo("date"));
    Api.integration()
        .body("{\"items\": [{\"kind\": \"STARS\"}]}")
        .when()
        .put("/api/v1/survey-responses")
        .then()
        .statusCode(200)
        .body("results[0].status", equalTo("REJECTED"))
        .body("results[0].errors[0].field", equalTo("kind"));
    Api.integration()
        .body("{}")
        .when()
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("items"));
  }

  @Test
  void replaysTheFirstResponseForTheSameIdempotencyKey() {
    UUID id = anAccount().create().id();
    Map<String, Object> body = Map.of("items", List.of(line(id, "2026-07-01", "A", "9")));
    String key = UUID.randomUUID().toString();
    Api.integration()
        .header("Idempotency-Key", key)
        .body(body)
        .when()
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(200)
        .body("results[0].status", equalTo("CREATED"));
    Api.integration()
        .header("Idempotency-Key", key)
        .body(body)
        .when()
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", "true")
        .body("results[0].status", equalTo("CREATED"));
    Api.integration()
        .header("Idempotency-Key", key)
        .body(Map.of("items", List.of(line(id, "2026-07-01", "A", "1"))))
        .when()
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(422);
    assertValue(Api.kpis(id, "2026-07"), "revenue", "9");
  }

  @SuppressWarnings("unchecked")
  private static String field(Map<String, Object> result) {
    return ((List<Map<String, String>>) result.get("errors")).get(0).get("field");
  }
}
