package io.kam.kpi.api;

import static io.kam.kpi.testdata.Decimals.assertValue;
import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.nps;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kam.kpi.testdata.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/accounts/{id}/kpis/snapshot, latest and by month. Test clock 2026-10-15: the latest
 * snapshot is as of 2026-09.
 */
@QuarkusTest
class SnapshotReadsTest {

  /**
   * Wallet 10000; lines 2025-09 A 100, 2026-05 A 200, 2026-08 A 300, 2026-09 B 400, 2026-10 A 999;
   * NPS 10 on 2026-03-01. As of 2026-09: t12m 900 (2025-10..2026-09), before 100 -> growth 8;
   * Jul-Sep 700 vs Apr-Jun 200 -> 2.5; share 0.09; B new -> 1; the 2026-10 line is after the month,
   * so lastRevenueMonth is 2026-09.
   */
  @Test
  void readsTheLatestSnapshotAsPublishedWithTheFreshnessOfItsInputs() {
    UUID id = accountWithHistory();

    JsonPath s = snapshot(id, null);

    assertEquals(id.toString(), s.getString("accountId"));
    assertEquals("2026-09", s.getString("asOfMonth"));
    assertValue(s, "t12mRevenue", "900");
    assertValue(s, "t12mGrowth", "8");
    assertValue(s, "last3mGrowth", "2.5");
    assertValue(s, "shareOfWallet", "0.09");
    assertValue(s, "npsT12m", "100");
    assertValue(s, "csatT12m", "null");
    assertEquals(1, s.getInt("crossSellCount"));
    assertEquals("2026-09", s.getString("lastRevenueMonth"));
    assertEquals("2026-03-01", s.getString("lastSurveyDate"));
    assertEquals("2026-09", s.getString("freshness.lastRevenueMonth"));
    assertEquals(List.of(), s.getList("freshness.stale"));
    assertEquals(3, s.getInt("freshness.thresholds.revenueMonths"));
    assertEquals(12, s.getInt("freshness.thresholds.surveyMonths"));
    assertNotNull(s.getString("publishedAt"));
  }

  /**
   * As of 2026-06: T12M 2025-07..2026-06 = 100 + 200 = 300, nothing the 12 months before -> null;
   * Apr-Jun 200 vs Jan-Mar 0 -> null; share 0.03; no revenue before 2025-07 -> crossSell 0. Judged
   * on 2026-07-31 (the last day it was the latest): revenue of 2026-05 and the survey are fresh.
   */
  @Test
  void computesTheSnapshotAsOfAnEarlierMonthExactlyAsTheDefinitionSays() {
    UUID id = accountWithHistory();

    JsonPath s = snapshot(id, "2026-06");

    assertEquals("2026-06", s.getString("asOfMonth"));
    assertValue(s, "t12mRevenue", "300");
    assertValue(s, "t12mGrowth", "null");
    assertValue(s, "last3mGrowth", "null");
    assertValue(s, "shareOfWallet", "0.03");
    assertValue(s, "npsT12m", "100");
    assertEquals(0, s.getInt("crossSellCount"));
    assertEquals("2026-05", s.getString("lastRevenueMonth"));
    assertEquals("2026-03-01", s.getString("lastSurveyDate"));
    assertEquals(List.of(), s.getList("freshness.stale"));
    assertNull(s.getString("publishedAt"));

    JsonPath before = snapshot(id, "2025-08");
    assertValue(before, "t12mRevenue", "0");
    assertNull(before.getString("lastRevenueMonth"));
    assertNull(before.getString("lastSurveyDate"));
    assertEquals(List.of("REVENUE", "SURVEY"), before.getList("freshness.stale"));
  }

  @Test
  void theSnapshotOfTheLatestMonthByMonthEqualsThePublishedOne() {
    UUID id = accountWithHistory();

    JsonPath latest = snapshot(id, null);
    JsonPath byMonth = snapshot(id, "2026-09");

    for (String field :
        List.of(
            "t12mRevenue",
            "t12mGrowth",
            "last3mGrowth",
            "shareOfWallet",
            "npsT12m",
            "csatT12m",
            "crossSellCount",
            "lastRevenueMonth",
            "lastSurveyDate",
            "freshness")) {
      Object published = latest.get(field);
      Object computed = byMonth.get(field);
      if (published instanceof BigDecimal p && computed instanceof BigDecimal c) {
        assertEquals(0, p.compareTo(c), field + ": " + p + " vs " + c);
      } else {
        assertEquals(published, computed, field);
      }
    }
  }

  @Test
  void answers422ForAMonthNotCompleteYetAnd400ForAMalformedOne() {
    UUID id = anAccount().create().id();

    Api.viewer()
        .queryParam("month", "2026-10")
        .when()
        .get("/api/v1/accounts/{id}/kpis/snapshot", id)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("2026-09"));
    for (String bad : List.of("2026-13", "2026-9", "latest", "2026-Q3")) {
      Api.viewer()
          .queryParam("month", bad)
          .when()
          .get("/api/v1/accounts/{id}/kpis/snapshot", id)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("month"));
    }
  }

  @Test
  void answers404ForAnUnknownOrDeletedAccount() {
    var deleted = anAccount().create();
    deleted.delete();
    for (UUID id : List.of(UUID.randomUUID(), deleted.id())) {
      for (String month : new String[] {null, "2026-05"}) {
        Api.viewer()
            .queryParam("month", month)
            .when()
            .get("/api/v1/accounts/{id}/kpis/snapshot", id)
            .then()
            .statusCode(404)
            .contentType("application/problem+json");
      }
    }
  }

  @Test
  void requiresARole() {
    io.restassured.RestAssured.given()
        .when()
        .get("/api/v1/accounts/{id}/kpis/snapshot", UUID.randomUUID())
        .then()
        .statusCode(401);
  }

  static JsonPath snapshot(UUID id, String month) {
    return Api.viewer()
        .queryParam("month", month)
        .when()
        .get("/api/v1/accounts/{id}/kpis/snapshot", id)
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .transform(Api::exact);
  }

  private static UUID accountWithHistory() {
    UUID id = anAccount().withWallet("10000").create().id();
    Api.putLines(
        line(id, "2025-09-15", "A", "100"),
        line(id, "2026-05-01", "A", "200"),
        line(id, "2026-08-01", "A", "300"),
        line(id, "2026-09-10", "B", "400"),
        line(id, "2026-10-05", "A", "999"));
    Api.putSurveys(nps(id, "2026-03-01T00:00:00Z", 10));
    return id;
  }
}
