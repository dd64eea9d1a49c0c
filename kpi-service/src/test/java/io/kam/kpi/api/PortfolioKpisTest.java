package io.kam.kpi.api;

import static io.kam.kpi.testdata.Decimals.assertValue;
import static io.kam.kpi.testdata.Items.csat;
import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.nps;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.kpi.testdata.Api;
import io.kam.kpi.testdata.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Portfolio KPIs on a small hand-computed portfolio, isolated by a unique owner. */
@QuarkusTest
class PortfolioKpisTest {

  /**
   * P = 2026-Q3, P-1 = 2026-Q2, P-Y = 2025-Q3. Per account (Q2 / Q3 / before): A 1000 X / 1000 X +
   * 500 Y (Y is new) B 2000 X / 500 X C 500 X / 0 (churned) D - / 1000 X (new account) E -100
   * credit / 200 X (credits are no revenue: new) F - / 3000 X, with 1000 X in 2025-Q3 (revenue
   * before, not in active(P-1)). total = 1500 + 500 + 0 + 1000 + 200 + 3000 = 6200; P-1 = 1000 +
   * 2000 + 500 - 100 = 3400 -> growth 2800/3400 = 0.8235294117647059; P-Y = 1000 -> yoy 5.2.
   * active(P) = A B D E F (5); new = D E (2); active(P-1) = A B C; churned = C (1); retention =
   * 2/3; grr = (1000 + 500 + 0) / 3500 = 0.4285714285714286; nrr = 2000/3500. top20: ceil(0.2 x 5)
   * = 1 -> 3000 / 6200 = 0.4838709677419355. hhi = 10000 x (1500² + 500² + 1000² + 200² + 3000²) /
   * 6200² = 3262.226847034339. crossSellRate: active with revenue before = A B F; cross-sold = A ->
   * 1/3. Surveys in P: NPS A 10, B 5 -> 0; CSAT C 4, D 2 -> 50.
   */
  @Test
  void computesPortfolioKpisOfASegment() {
    String owner = "kam-" + UUID.randomUUID();
    UUID a = anAccount().ownedBy(owner).create().id();
    UUID b = anAccount().ownedBy(owner).create().id();
    UUID c = anAccount().ownedBy(owner).create().id();
    UUID d = anAccount().ownedBy(owner).create().id();
    UUID e = anAccount().ownedBy(owner).create().id();
    UUID f = anAccount().ownedBy(owner).create().id();
    anAccount().create(); // another owner's account never shows in this segment
    Api.putLines(
        line(a, "2026-05-01", "X", "1000"),
        line(a, "2026-07-01", "X", "1000"),
        line(a, "2026-08-01", "Y", "500"),
        line(b, "2026-06-01", "X", "2000"),
        line(b, "2026-09-30", "X", "500"),
        line(c, "2026-04-01", "X", "500"),
        line(d, "2026-07-15", "X", "1000"),
        line(e, "2026-04-15", "X", "-100"),
        line(e, "2026-08-15", "X", "200"),
        line(f, "2025-08-01", "X", "1000"),
        line(f, "2026-09-01", "X", "3000"));
    Api.putSurveys(
        nps(a, "2026-07-02T00:00:00Z", 10),
        nps(b, "2026-08-02T00:00:00Z", 5),
        csat(c, "2026-09-02T00:00:00Z", 4),
        csat(d, "2026-09-03T00:00:00Z", 2));

    JsonPath p = Api.portfolio("2026-Q3", owner);

    assertEquals("2026-Q3", p.getString("period"));
    assertValue(p, "totalRevenue", "6200");
    assertValue(p, "revenueGrowth", "0.8235294117647059");
    assertValue(p, "yoyGrowth", "5.2");
    assertEquals(5, p.getInt("activeAccounts"));
    assertEquals(2, p.getInt("newAccounts"));
    assertEquals(1, p.getInt("churnedAccounts"));
    assertValue(p, "retentionRate", "0.6666666666666667");
    assertValue(p, "grr", "0.4285714285714286");
    assertValue(p, "nrr", "0.5714285714285714");
    assertValue(p, "csat", "50");
    assertValue(p, "nps", "0");
    assertValue(p, "top20Share", "0.4838709677419355");
    assertValue(p, "hhi", "3262.226847034339");
    assertValue(p, "crossSellRate", "0.3333333333333333");
  }

  /** An empty segment: sums are 0 and every ratio over an empty set is null. */
  @Test
  void anEmptySegmentHasZeroTotalsAndNullRatios() {
    JsonPath p = Api.portfolio("2026-Q3", "nobody-" + UUID.randomUUID());
    assertValue(p, "totalRevenue", "0");
    assertEquals(0, p.getInt("activeAccounts"));
    for (String ratio :
        new String[] {
          "revenueGrowth",
          "yoyGrowth",
          "retentionRate",
          "grr",
          "nrr",
          "csat",
          "nps",
          "top20Share",
          "hhi",
          "crossSellRate"
        }) {
      assertValue(p, ratio, "null");
    }
  }

  /** A deleted account vanishes from the portfolio: 100 + 50 becomes 100. */
  @Test
  void aDeletedAccountVanishesFromThePortfolio() {
    String owner = "kam-" + UUID.randomUUID();
    UUID kept = anAccount().ownedBy(owner).create().id();
    TestAccount gone = anAccount().ownedBy(owner).create();
    Api.putLines(line(kept, "2026-07-01", "X", "100"), line(gone.id(), "2026-07-01", "X", "50"));
    assertValue(Api.portfolio("2026-Q3", owner), "totalRevenue", "150");
    gone.delete();
    JsonPath p = Api.portfolio("2026-Q3", owner);
    assertValue(p, "totalRevenue", "100");
    assertEquals(1, p.getInt("activeAccounts"));
  }

  /** Tier and type come from the latest score event, also one that arrived before the account. */
  @Test
  void filtersByTierAndTypeFromScoring() {
    String owner = "kam-" + UUID.randomUUID();
    TestAccount key = anAccount().ownedBy(owner);
    key.scored("KEY", "STRATEGIC"); // parked: the account is not known yet
    key.create();
    TestAccount standard = anAccount().ownedBy(owner).create();
    standard.scored("STANDARD", "TACTICAL");
    Api.putLines(
        line(key.id(), "2026-07-01", "X", "700"), line(standard.id(), "2026-07-01", "X", "30"));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertValue(segment(owner, "tier", "KEY"), "totalRevenue", "700"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertValue(segment(owner, "type", "TACTICAL"), "totalRevenue", "30"));
    assertValue(segment(owner, "tier", "DEVELOPING"), "totalRevenue", "0");
    Api.viewer()
        .queryParam("tier", "GOLD")
        .when()
        .get("/api/v1/portfolio/kpis")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("tier"));
  }

  /**
   * annualChurnRate is portfolio-wide; years 2040-2043 belong to this test alone. For P = 2041-Q4:
   * T12M = 2041, the 12 months before = 2040. Active in 2040: G, H, I; still active in 2041: G (I
   * nets -100) -> churn = 1 - 1/3 = 0.6666666666666667 (>= 1/10, so it is used). clv(G) = 500 x
   * 0.30 / 0.6666666666666667 = 225.0000000000000 (DECIMAL64). For P = 2043-Q4 nobody was active in
   * 2042: churn 0 -> capped by 10 years: 1000 x 0.3 x 10.
   */
  @Test
  void clvUsesThePortfolioWideChurnRateCappedByTheMaximumLifetime() {
    UUID g = anAccount().create().id();
    UUID h = anAccount().create().id();
    UUID i = anAccount().create().id();
    Api.putLines(
        line(g, "2040-03-01", "X", "1000"),
        line(g, "2041-03-01", "X", "500"),
        line(h, "2040-03-01", "X", "2000"),
        line(i, "2040-03-01", "X", "500"),
        line(i, "2041-03-01", "X", "-100"),
        line(g, "2043-05-01", "X", "1000"));

    assertValue(Api.kpis(g, "2041-Q4"), "clv", "225.0000000000000");
    assertValue(Api.kpis(h, "2041-Q4"), "clv", "0");
    assertValue(Api.kpis(g, "2043-Q4"), "clv", "3000");
  }

  private static JsonPath segment(String owner, String filter, String value) {
    return Api.viewer()
        .queryParam("period", "2026-Q3")
        .queryParam("ownerId", owner)
        .queryParam(filter, value)
        .when()
        .get("/api/v1/portfolio/kpis")
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .transform(Api::exact);
  }
}
