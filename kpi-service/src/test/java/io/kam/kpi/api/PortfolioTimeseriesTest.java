package io.kam.kpi.api;

import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.kpi.testdata.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/portfolio/kpis/timeseries: the portfolio KPIs of a segment period by period. */
@QuarkusTest
class PortfolioTimeseriesTest {

  @Test
  void eachPeriodIsThePortfolioKpisOfThatPeriod() {
    String owner = "kam-series-" + UUID.randomUUID();
    UUID a = anAccount().ownedBy(owner).create().id();
    UUID b = anAccount().ownedBy(owner).create().id();
    Api.putLines(
        line(a, "2025-08-01", "A", "100"),
        line(a, "2026-07-01", "A", "300"),
        line(b, "2026-08-01", "A", "50"),
        line(b, "2026-09-01", "B", "70"),
        line(a, "2026-09-01", "A", "-20"));

    List<Map<String, Object>> items = series(owner, "2026-07", "2026-09", null);

    assertEquals(3, items.size());
    for (int i = 0; i < 3; i++) {
      String period = "2026-0" + (7 + i);
      assertEquals(portfolio(period, owner), items.get(i), period);
    }
    assertEquals(1, items.get(0).get("activeAccounts"));
    assertEquals(1, items.get(1).get("churnedAccounts")); // a: 300 in July, nothing in August
    assertEquals(0, items.get(2).get("churnedAccounts")); // a nets -20 but was not active before
    List<Map<String, Object>> quarters = series(owner, "2026-01", "2026-09", "QUARTER");
    assertEquals(
        List.of("2026-Q1", "2026-Q2", "2026-Q3"),
        quarters.stream().map(q -> q.get("period")).toList());
    assertEquals(portfolio("2026-Q3", owner), quarters.get(2));
  }

  @Test
  void refusesMoreThan60PeriodsAndAReversedRange() {
    Api.viewer()
        .queryParam("from", "2021-09")
        .queryParam("to", "2026-09")
        .when()
        .get("/api/v1/portfolio/kpis/timeseries")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("from"));
    Api.viewer()
        .queryParam("from", "2026-09")
        .queryParam("to", "2026-01")
        .when()
        .get("/api/v1/portfolio/kpis/timeseries")
        .then()
        .statusCode(400);
    // 60 months is the bound, and 2021-10..2026-09 is exactly 60.
    assertEquals(60, series("kam-nobody-" + UUID.randomUUID(), "2021-10", "2026-09", null).size());
  }

  private static List<Map<String, Object>> series(
      String owner, String from, String to, String granularity) {
    return Api.viewer()
        .queryParam("ownerId", owner)
        .queryParam("from", from)
        .queryParam("to", to)
        .queryParam("granularity", granularity)
        .when()
        .get("/api/v1/portfolio/kpis/timeseries")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  private static Map<String, Object> portfolio(String period, String owner) {
    return Api.viewer()
        .queryParam("period", period)
        .queryParam("ownerId", owner)
        .when()
        .get("/api/v1/portfolio/kpis")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getMap("");
  }
}
