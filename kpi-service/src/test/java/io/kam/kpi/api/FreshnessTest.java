package io.kam.kpi.api;

import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.nps;
import static io.kam.kpi.testdata.Items.voidOf;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kam.kpi.testdata.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Freshness in GET /api/v1/accounts/{id}/kpis. Test clock 2026-10-15, thresholds 3 and 12 months:
 * revenue is fresh with a line dated 2026-07 or later, surveys with a response on 2025-10-15 or
 * later.
 */
@QuarkusTest
class FreshnessTest {

  @Test
  void flagsRevenueAndSurveysOneDayOrMonthPastTheirThresholds() {
    UUID id = anAccount().create().id();
    Api.putLines(line(id, "2026-06-30", "A", "100"));
    Api.putSurveys(nps(id, "2025-10-14T23:59:59Z", 9));

    JsonPath kpis = Api.kpis(id, "2026-Q3");

    assertEquals("2026-06", kpis.getString("lastRevenueMonth"));
    assertEquals("2025-10-14", kpis.getString("lastSurveyDate"));
    assertEquals(List.of("REVENUE", "SURVEY"), kpis.getList("freshness.stale"));
    assertEquals(3, kpis.getInt("freshness.thresholds.revenueMonths"));
    assertEquals(12, kpis.getInt("freshness.thresholds.surveyMonths"));
  }

  @Test
  void isFreshOnTheThresholdsAndCountsItemsOfAnyDate() {
    UUID id = anAccount().create().id();
    Api.putLines(line(id, "2026-07-01", "A", "100"));
    Api.putSurveys(nps(id, "2025-10-15T00:00:00Z", 9));

    JsonPath kpis = Api.kpis(id, "2025-Q1");

    assertEquals("2026-07", kpis.getString("lastRevenueMonth"));
    assertEquals("2025-10-15", kpis.getString("freshness.lastSurveyDate"));
    assertEquals(List.of(), kpis.getList("freshness.stale"));
  }

  @Test
  void ignoresVoidedItemsAndCountsCreditNotes() {
    UUID id = anAccount().create().id();
    Map<String, Object> recent = line(id, "2026-09-01", "A", "100");
    Map<String, Object> survey = nps(id, "2026-09-01T10:00:00Z", 10);
    Api.putLines(line(id, "2026-02-01", "A", "100"), recent, line(id, "2026-08-01", "A", "-40"));
    Api.putSurveys(survey);
    Api.putLines(voidOf(recent));
    Api.putSurveys(voidOf(survey));

    JsonPath kpis = Api.kpis(id, "2026-Q3");

    assertEquals("2026-08", kpis.getString("lastRevenueMonth")); // the credit note
    assertNull(kpis.getString("lastSurveyDate"));
    assertEquals(List.of("SURVEY"), kpis.getList("freshness.stale"));
  }

  @Test
  void flagsBothForAnAccountWithoutInputs() {
    UUID id = anAccount().create().id();

    JsonPath kpis = Api.kpis(id, "2026-Q3");

    assertNull(kpis.getString("lastRevenueMonth"));
    assertNull(kpis.getString("freshness.lastRevenueMonth"));
    assertEquals(List.of("REVENUE", "SURVEY"), kpis.getList("freshness.stale"));
  }
}
