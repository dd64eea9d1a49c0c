package io.kam.kpi.api;

import static io.kam.kpi.testdata.Decimals.assertValue;
import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.survey;
import static io.kam.kpi.testdata.Items.with;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.kpi.testdata.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A malformed item (a value that cannot be read as its field's type) is that item's REJECTED result
 * naming the field; the request's other items are processed.
 */
@QuarkusTest
class MalformedItemsTest {

  @Test
  void aRevenueLineWithADateOrAmountThatIsNoneIsRejectedAloneNamingTheField() {
    UUID id = anAccount().create().id();
    Map<String, Object> badDate = with(line(id, "2026-07-01", "A", "1"), "date", "2026-13-45");
    List<Map<String, Object>> results =
        Api.putLines(
            line(id, "2026-07-01", "A", "10"),
            badDate,
            with(line(id, "2026-07-02", "A", "1"), "amount", "ten euros"),
            with(line(id, "2026-07-03", "A", "1"), "date", 42.5),
            "not an object",
            line(id, "2026-07-04", "B", "5"));

    assertEquals(
        List.of("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "CREATED"),
        results.stream().map(r -> r.get("status")).toList());
    assertEquals(badDate.get("externalId"), results.get(1).get("externalId"));
    assertEquals("date", field(results.get(1)));
    assertEquals("amount", field(results.get(2)));
    assertEquals("date", field(results.get(3)));
    assertValue(Api.kpis(id, "2026-07"), "revenue", "15");
  }

  @Test
  void aSurveyResponseWithAScoreOrTimeThatIsNoneIsRejectedAloneNamingTheField() {
    UUID id = anAccount().create().id();
    String at = "2026-07-01T10:00:00Z";
    List<Map<String, Object>> results =
        Api.putSurveys(
            with(survey(id, "NPS", at, 10), "respondedAt", "yesterday"),
            with(survey(id, "NPS", at, 10), "score", "ten"),
            with(survey(id, "NPS", at, 10), "kind", "CES"),
            survey(id, "NPS", at, 10));

    assertEquals(
        List.of("REJECTED", "REJECTED", "REJECTED", "CREATED"),
        results.stream().map(r -> r.get("status")).toList());
    assertEquals("respondedAt", field(results.get(0)));
    assertEquals("score", field(results.get(1)));
    assertEquals("kind", field(results.get(2)));
    assertValue(Api.kpis(id, "2026-07"), "nps", "100");
  }

  @Test
  void aRequestThatIsNotOfTheDocumentedShapeIsStill400() {
    Api.integration()
        .body(Map.of("items", "not an array"))
        .when()
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("items"));
    Api.integration()
        .body(Map.of("items", List.of(), "extra", 1))
        .when()
        .put("/api/v1/survey-responses")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("extra"));
  }

  @SuppressWarnings("unchecked")
  private static String field(Map<String, Object> result) {
    return ((List<Map<String, Object>>) result.get("errors")).get(0).get("field").toString();
  }
}
