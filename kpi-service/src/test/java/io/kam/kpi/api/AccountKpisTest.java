package io.kam.kpi.api;

import static io.kam.kpi.testdata.Decimals.assertValue;
import static io.kam.kpi.testdata.Items.csat;
import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.nps;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.kpi.testdata.Api;
import io.kam.kpi.testdata.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every account KPI of docs/kpis-and-scores.md on hand-computed examples, through the HTTP API. */
@QuarkusTest
class AccountKpisTest {

  /**
   * P = 2026-Q3, P-1 = 2026-Q2, P-Y = 2025-Q3, T12M = 2025-10..2026-09, wallet 200000. rev(P) =
   * 4000 (A) + 500 (B) + 2500 (C) - 200 (B credit) = 6800; rev(P-1) = 3000 + 1000 = 4000; rev(P-Y)
   * = 1000. revenueGrowth = 2800/4000 = 0.7; yoyGrowth = 5800/1000 = 5.8. t12m = 2000 + 4000 + 6800
   * = 12800; the 12 months before = 1000 -> t12mGrowth = 11.8. last3m = 6800 vs 4000 -> 0.7. New
   * lines: C only (A and B had revenue before P) -> ["C"]. upsell: A 4000 - 3000 = 1000; B 300 -
   * 1000 < 0 -> 0; C not in P-1 -> total 1000. shareOfWallet = 12800 / 200000 = 0.064. NPS in P:
   * 10, 9, 6 -> (2 - 1)/3 x 100 = 33.33333333333333 (DECIMAL64); with the 0 of 2025-11 in T12M: (2
   * - 2)/4 -> 0. CSAT: none in P -> null; 5 in 2026-01 -> csatT12m 100.
   */
  @Test
  void computesEveryAccountKpiForAQuarter() {
    TestAccount account = anAccount().withWallet("200000").create();
    UUID id = account.id();
    Api.putLines(
        line(id, "2025-07-10", "A", "1000"),
        line(id, "2025-10-05", "A", "2000"),
        line(id, "2026-04-10", "A", "3000"),
        line(id, "2026-05-10", "B", "1000"),
        line(id, "2026-07-10", "A", "4000"),
        line(id, "2026-08-10", "B", "500"),
        line(id, "2026-09-10", "C", "2500"),
        line(id, "2026-09-20", "B", "-200"));
    Api.putSurveys(
        nps(id, "2026-07-15T08:00:00Z", 10),
        nps(id, "2026-08-02T10:00:00Z", 9),
        nps(id, "2026-09-01T00:00:00Z", 6),
        nps(id, "2025-11-30T23:59:59Z", 0),
        csat(id, "2026-01-10T12:00:00Z", 5));

    JsonPath kpis = Api.kpis(id, "2026-Q3");

    assertEquals(id.toString(), kpis.getString("accountId"));
    assertEquals("2026-Q3", kpis.getString("period"));
    assertValue(kpis, "revenue", "6800");
    assertValue(kpis, "revenueGrowth", "0.7");
    assertValue(kpis, "yoyGrowth", "5.8");
    assertValue(kpis, "t12mRevenue", "12800");
    assertValue(kpis, "t12mGrowth", "11.8");
    assertValue(kpis, "last3mGrowth", "0.7");
    assertValue(kpis, "nps", "33.33333333333333");
    assertValue(kpis, "npsT12m", "0");
    assertValue(kpis, "csat", "null");
    assertValue(kpis, "csatT12m", "100");
    assertEquals(List.of("C"), kpis.getList("newProductLines"));
    assertEquals(1, kpis.getInt("crossSellCount"));
    assertValue(kpis, "upsellRevenue", "1000");
    assertValue(kpis, "shareOfWallet", "0.064");
  }

  /**
   * Month 2026-09: rev = 2500 - 200 (C and the B credit) = 2300; P-1 = 2026-08: 500 -> growth
   * 1800/500 = 3.6; P-Y = 2025-09: nothing -> yoyGrowth null (growth from zero). Year 2026: rev =
   * 3000 + 1000 + 6800 = 10800; P-1 = P-Y = 2025: 1000 + 2000 = 3000 -> 2.6 both.
   */
  @Test
  void computesMonthAndYearPeriods() {
    UUID id = anAccount().create().id();
    Api.putLines(
        line(id, "2025-07-10", "A", "1000"),
        line(id, "2025-10-05", "A", "2000"),
        line(id, "2026-04-10", "A", "3000"),
        line(id, "2026-05-10", "B", "1000"),
        line(id, "2026-07-10", "A", "4000"),
        line(id, "2026-08-10", "B", "500"),
        line(id, "2026-09-10", "C", "2500"),
        line(id, "2026-09-20", "B", "-200"));

    JsonPath month = Api.kpis(id, "2026-09");
    assertValue(month, "revenue", "2300");
    assertValue(month, "revenueGrowth", "3.6");
    assertValue(month, "yoyGrowth", "null");
    assertEquals(List.of("C"), month.getList("newProductLines"));
    assertValue(month, "shareOfWallet", "null");

    JsonPath year = Api.kpis(id, "2026");
    assertValue(year, "revenue", "10800");
    assertValue(year, "revenueGrowth", "2.6");
    assertValue(year, "yoyGrowth", "2.6");
    assertValue(year, "t12mRevenue", "10800");
  }

  /**
   * A new customer's first period: no revenue before P, so nothing is cross-sell, and every growth
   * from zero is null; no surveys -> csat/nps null; no P-1 lines -> upsell 0.
   */
  @Test
  void firstPeriodOfANewCustomerHasNullGrowthAndNoNewProductLines() {
    UUID id = anAccount().withWallet("0").create().id();
    Api.putLines(line(id, "2026-08-01", "A", "100"), line(id, "2026-09-01", "B", "50"));

    JsonPath kpis = Api.kpis(id, "2026-Q3");

    assertValue(kpis, "revenue", "150");
    assertValue(kpis, "revenueGrowth", "null");
    assertValue(kpis, "yoyGrowth", "null");
    assertValue(kpis, "t12mGrowth", "null");
    assertValue(kpis, "last3mGrowth", "null");
    assertValue(kpis, "csat", "null");
    assertValue(kpis, "nps", "null");
    assertValue(kpis, "csatT12m", "null");
    assertValue(kpis, "npsT12m", "null");
    assertEquals(List.of(), kpis.getList("newProductLines"));
    assertEquals(0, kpis.getInt("crossSellCount"));
    assertValue(kpis, "upsellRevenue", "0");
    assertValue(kpis, "shareOfWallet", "null"); // a wallet of 0 is no wallet
  }

  /**
   * Credit notes: product line X only ever had credits (-300 in 2026-04), so it never counts as
   * revenue before; 2026-Q2 nets 1000 - 300 = 700 > 0 on the account. In Q3 X nets +200 -> new. P-1
   * rev = 700 -> growth (1200 - 700)/700 = 0.7142857142857143. A credit-only P-1 (negative) gives
   * null growth: 2026-Q1 = -50 -> revenueGrowth of Q2 is null. t12m negative -> share 0.
   */
  @Test
  void creditNotesNeverCountAsRevenueBefore() {
    UUID id = anAccount().withWallet("1000").create().id();
    Api.putLines(
        line(id, "2026-02-01", "Y", "-50"),
        line(id, "2026-04-01", "A", "1000"),
        line(id, "2026-04-02", "X", "-300"),
        line(id, "2026-07-01", "A", "1000"),
        line(id, "2026-07-02", "X", "200"));

    JsonPath q3 = Api.kpis(id, "2026-Q3");
    assertValue(q3, "revenue", "1200");
    assertValue(q3, "revenueGrowth", "0.7142857142857143");
    assertEquals(List.of("X"), q3.getList("newProductLines"));

    JsonPath q2 = Api.kpis(id, "2026-Q2");
    assertValue(q2, "revenue", "700");
    assertValue(q2, "revenueGrowth", "null");
    assertEquals(List.of(), q2.getList("newProductLines")); // no account revenue before Q2

    JsonPath q1 = Api.kpis(id, "2026-Q1");
    assertValue(q1, "t12mRevenue", "-50");
    assertValue(q1, "shareOfWallet", "0");
  }

  @Test
  void answers404ForUnknownAndDeletedAccountsAnd400ForBadPeriods() {
    Api.viewer().when().get("/api/v1/accounts/{id}/kpis", UUID.randomUUID()).then().statusCode(404);
    Api.viewer().when().get("/api/v1/accounts/not-a-uuid/kpis").then().statusCode(400);
    TestAccount account = anAccount().create();
    Api.viewer()
        .queryParam("period", "2026-Q5")
        .when()
        .get("/api/v1/accounts/{id}/kpis", account.id())
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("period"));
    account.delete();
    Api.viewer().when().get("/api/v1/accounts/{id}/kpis", account.id()).then().statusCode(404);
  }

  @Test
  void defaultsToTheLastCompleteQuarter() {
    UUID id = anAccount().create().id();
    // The test clock is 2026-10-15: the last complete quarter is 2026-Q3.
    Api.viewer()
        .when()
        .get("/api/v1/accounts/{id}/kpis", id)
        .then()
        .statusCode(200)
        .body("period", equalTo("2026-Q3"));
  }

  /** Revenue per quarter 2026-Q1..Q3: 100, 0, 300; growth: null (2025-Q4 is 0), -1, null. */
  @Test
  void servesATimeseriesOfRevenueAndGrowth() {
    UUID id = anAccount().create().id();
    Api.putLines(line(id, "2026-01-05", "A", "100"), line(id, "2026-08-05", "A", "300"));

    JsonPath series =
        Api.viewer()
            .queryParam("from", "2026-02")
            .queryParam("to", "2026-09")
            .queryParam("granularity", "QUARTER")
            .when()
            .get("/api/v1/accounts/{id}/kpis/timeseries", id)
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .transform(Api::exact);

    assertEquals(List.of("2026-Q1", "2026-Q2", "2026-Q3"), series.getList("items.period"));
    assertValue(series, "items[0].revenue", "100");
    assertValue(series, "items[0].revenueGrowth", "null");
    assertValue(series, "items[1].revenue", "0");
    assertValue(series, "items[1].revenueGrowth", "-1");
    assertValue(series, "items[2].revenue", "300");
    assertValue(series, "items[2].revenueGrowth", "null");
    assertValue(series, "items[2].yoyGrowth", "null"); // 2025-Q3 had nothing
    assertValue(series, "items[0].t12mRevenue", "100"); // 2025-04..2026-03
    assertValue(series, "items[2].t12mRevenue", "400"); // 2025-10..2026-09
    Api.viewer()
        .queryParam("granularity", "WEEK")
        .when()
        .get("/api/v1/accounts/{id}/kpis/timeseries", id)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("granularity"));
  }

  /**
   * Lines 2025-07 A 100, 2025-09 A 200, 2026-07 A 300, 2026-09 A 100 and B -100 (2026-09 nets 0).
   * 2026-07: 300, growth null (June 0), yoy 300 vs 100 = 2, T12M 2025-08..2026-07 = 500. 2026-08:
   * 0, -1, yoy null (2025-08 had 0), T12M 500. 2026-09: 0, null, yoy (0 - 200)/200 = -1, T12M
   * 2025-10..2026-09 = 300.
   */
  @Test
  void servesYoyGrowthAndT12mRevenuePerMonth() {
    UUID id = anAccount().create().id();
    Api.putLines(
        line(id, "2025-07-05", "A", "100"),
        line(id, "2025-09-05", "A", "200"),
        line(id, "2026-07-05", "A", "300"),
        line(id, "2026-09-05", "A", "100"),
        line(id, "2026-09-06", "B", "-100"));

    JsonPath series =
        Api.viewer()
            .queryParam("from", "2026-07")
            .queryParam("to", "2026-09")
            .when()
            .get("/api/v1/accounts/{id}/kpis/timeseries", id)
            .then()
            .statusCode(200)
            .extract()
            .asString()
            .transform(Api::exact);

    assertEquals("MONTH", series.getString("granularity"));
    assertEquals(List.of("2026-07", "2026-08", "2026-09"), series.getList("items.period"));
    assertValue(series, "items[0].yoyGrowth", "2");
    assertValue(series, "items[0].t12mRevenue", "500");
    assertValue(series, "items[1].revenueGrowth", "-1");
    assertValue(series, "items[1].yoyGrowth", "null");
    assertValue(series, "items[1].t12mRevenue", "500");
    assertValue(series, "items[2].revenue", "0");
    assertValue(series, "items[2].revenueGrowth", "null");
    assertValue(series, "items[2].yoyGrowth", "-1");
    assertValue(series, "items[2].t12mRevenue", "300");
    // Each point agrees with the account KPIs of that month.
    JsonPath month = Api.kpis(id, "2026-09");
    assertValue(month, "yoyGrowth", "-1");
    assertValue(month, "t12mRevenue", "300");
  }
}
