package io.kam.kpi.domain.calc;

import static io.kam.kpi.domain.calc.Fixtures.assertDecimal;
import static io.kam.kpi.domain.calc.Fixtures.d;
import static io.kam.kpi.domain.calc.Fixtures.revenue;
import static io.kam.kpi.domain.calc.Fixtures.surveys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PortfolioKpiCalculatorTest {

  private static final Period Q3 = Period.parse("2026-Q3");

  private static AccountPeriodFacts facts(
      String rev,
      String previous,
      String yearAgo,
      boolean revenueBefore,
      int crossSell,
      SurveyCounts surveys) {
    return new AccountPeriodFacts(
        UUID.randomUUID(), d(rev), d(previous), d(yearAgo), revenueBefore, crossSell, surveys);
  }

  private static AccountPeriodFacts facts(
      String rev, String previous, String yearAgo, boolean revenueBefore, int crossSell) {
    return facts(rev, previous, yearAgo, revenueBefore, crossSell, SurveyCounts.EMPTY);
  }

  /**
   * Accounts (rev P, rev P-1, rev P-Y, revenue before P, crossSellCount): A 500 400 300 yes 1 | B
   * 300 300 0 yes 0 | C 100 200 100 yes 2 | D 50 0 0 no 0 (new) E 25 100 50 yes 0 | F 15 0 0 yes 0
   * (returning) | G 10 10 0 yes 1 H -40 100 100 yes 0 (churned, negative) | I 0 50 0 yes 0
   * (churned) J 0 0 0 no 0 (never active) | L -10 -5 0 yes 1 (cross-sold but not active). active(P)
   * = A..G (n = 7), active(P-1) = A B C E G H I.
   */
  private static List<AccountPeriodFacts> portfolio() {
    return List.of(
        facts("500", "400", "300", true, 1, new SurveyCounts(2, 2, 0, 0, 0)), // CSAT 5, 4
        facts("300", "300", "0", true, 0, new SurveyCounts(1, 0, 0, 0, 0)), // CSAT 2
        facts("100", "200", "100", true, 2),
        facts("50", "0", "0", false, 0),
        facts("25", "100", "50", true, 0),
        facts("15", "0", "0", true, 0),
        facts("10", "10", "0", true, 1),
        facts("-40", "100", "100", true, 0, new SurveyCounts(0, 0, 2, 1, 1)), // NPS 10, 6
        facts("0", "50", "0", true, 0, new SurveyCounts(0, 0, 1, 1, 0)), // NPS 9
        facts("0", "0", "0", false, 0),
        facts("-10", "-5", "0", true, 1));
  }

  @Test
  void computesEveryPortfolioKpiOfASmallPortfolio() {
    PortfolioKpis k = PortfolioKpiCalculator.compute(Q3, portfolio());

    assertEquals("2026-Q3", k.period());
    // 500 + 300 + 100 + 50 + 25 + 15 + 10 - 40 + 0 + 0 - 10 = 950 (inactive accounts included)
    assertDecimal("950", k.totalRevenue());
    // P-1: 400 + 300 + 200 + 100 + 10 + 100 + 50 - 5 = 1155 -> (950 - 1155) / 1155
    assertDecimal("-0.1774891774891775", k.revenueGrowth());
    // P-Y: 300 + 100 + 50 + 100 = 550 -> 400 / 550 = 0.727272...
    assertDecimal("0.7272727272727273", k.yoyGrowth());
    assertEquals(7, k.activeAccounts());
    assertEquals(1, k.newAccounts()); // D
    assertEquals(2, k.churnedAccounts()); // H, I
    // retained A B C E G of active(P-1) A B C E G H I: 5 / 7
    assertDecimal("0.7142857142857143", k.retentionRate());
    // base = 400 + 300 + 200 + 100 + 10 + 100 + 50 = 1160
    // GRR: min(500,400) + 300 + min(100,200) + 25 + 10 + min(max(-40,0),100) + 0 = 835
    assertDecimal("0.7198275862068966", k.grr()); // 835 / 1160
    // NRR: 500 + 300 + 100 + 25 + 10 + max(-40,0) + 0 = 935 (H does not subtract 40)
    assertDecimal("0.8060344827586207", k.nrr()); // 935 / 1160
    // CSAT pooled: 2 good of 3 -> 100 x 2/3; NPS: promoters 2, detractors 1 of 3 -> 100 x 1/3
    assertDecimal("66.66666666666667", k.csat());
    assertDecimal("33.33333333333333", k.nps());
    // n = 7 -> ceil(1.4) = 2 largest: 500 + 300 = 800 of 1000 (sum over active(P))
    assertDecimal("0.8", k.top20Share());
    // (250000 + 90000 + 10000 + 2500 + 625 + 225 + 100) / 1000^2 x 10000 = 0.35345 x 10000
    assertDecimal("3534.5", k.hhi());
    // denominator: active and revenue before = A B C E F G (6); cross-sold A C G (3);
    // L is cross-sold but not active, so it is in neither
    assertDecimal("0.5", k.crossSellRate());
  }

  @Test
  void anEmptySegmentHasZeroTotalsAndNullRatios() {
    PortfolioKpis k = PortfolioKpiCalculator.compute(Q3, List.of());
    assertDecimal("0", k.totalRevenue());
    assertEquals(0, k.activeAccounts());
    assertEquals(0, k.newAccounts());
    assertEquals(0, k.churnedAccounts());
    assertNull(k.revenueGrowth());
    assertNull(k.yoyGrowth());
    assertNull(k.retentionRate());
    assertNull(k.grr());
    assertNull(k.nrr());
    assertNull(k.csat());
    assertNull(k.nps());
    assertNull(k.top20Share());
    assertNull(k.hhi());
    assertNull(k.crossSellRate());
  }

  @Test
  void retentionGrrAndNrrAreNullWhenNobodyWasActiveInThePreviousPeriod() {
    PortfolioKpis k =
        PortfolioKpiCalculator.compute(
            Q3, List.of(facts("100", "0", "0", false, 0), facts("50", "-20", "0", false, 0)));
    assertNull(k.retentionRate());
    assertNull(k.grr());
    assertNull(k.nrr());
    assertNull(k.revenueGrowth()); // P-1 sum = -20 <= 0
    assertEquals(2, k.newAccounts());
    assertNull(k.crossSellRate()); // nobody had revenue before P
  }

  @Test
  void topShareAndHhiAreNullWhenNoAccountIsActive() {
    PortfolioKpis k =
        PortfolioKpiCalculator.compute(
            Q3, List.of(facts("0", "100", "0", true, 0), facts("-5", "0", "0", true, 0)));
    assertNull(k.top20Share());
    assertNull(k.hhi());
    assertNull(k.crossSellRate());
    assertDecimal("0", k.retentionRate());
    assertDecimal("0", k.grr());
    assertDecimal("0", k.nrr());
    assertEquals(1, k.churnedAccounts());
  }

  @Test
  void aSingleActiveAccountHoldsTheWholeMarket() {
    PortfolioKpis k = PortfolioKpiCalculator.compute(Q3, List.of(facts("42", "0", "0", true, 0)));
    assertDecimal("1", k.top20Share());
    assertDecimal("10000", k.hhi());
    assertDecimal("0", k.crossSellRate());
  }

  @Test
  void topTwentyPercentRoundsTheAccountCountUp() {
    // n = 5 -> ceil(1.0) = 1: 50 / (50 + 4 x 10) = 50 / 90
    List<AccountPeriodFacts> five = new ArrayList<>(List.of(facts("50", "0", "0", true, 0)));
    for (int i = 0; i < 4; i++) {
      five.add(facts("10", "0", "0", true, 0));
    }
    assertDecimal("0.5555555555555556", PortfolioKpiCalculator.compute(Q3, five).top20Share());
    // n = 6 -> ceil(1.2) = 2: (50 + 10) / 100
    five.add(facts("10", "0", "0", true, 0));
    assertDecimal("0.6", PortfolioKpiCalculator.compute(Q3, five).top20Share());
    // n = 5 equal accounts: hhi = 5 x (1/5)^2 x 10000 = 2000
    List<AccountPeriodFacts> equal = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      equal.add(facts("7", "0", "0", true, 0));
    }
    assertDecimal("2000", PortfolioKpiCalculator.compute(Q3, equal).hhi());
  }

  @Test
  void factsAreDerivedFromAnAccountsHistories() {
    RevenueHistory history =
        revenue()
            .line("2025-08", "CLOUD", "100")
            .line("2026-05", "CLOUD", "200")
            .line("2026-07", "CLOUD", "300")
            .line("2026-08", "ANALYTICS", "40")
            .line("2026-10", "CLOUD", "999")
            .build();
    SurveyHistory surveys =
        surveys().csat("2026-07", 4).nps("2026-09", 2).csat("2026-06", 1).build();
    UUID id = UUID.randomUUID();
    AccountPeriodFacts f = AccountPeriodFacts.of(id, history, surveys, Q3);
    assertEquals(id, f.accountId());
    assertDecimal("340", f.revenue());
    assertDecimal("200", f.previousRevenue());
    assertDecimal("100", f.yearAgoRevenue());
    assertTrue(f.revenueBefore());
    assertEquals(1, f.crossSellCount()); // ANALYTICS
    assertEquals(new SurveyCounts(1, 1, 1, 0, 1), f.surveys());
    assertTrue(f.active());
    assertTrue(f.previouslyActive());

    AccountPeriodFacts newcomer =
        AccountPeriodFacts.of(
            id, revenue().line("2026-09", "CLOUD", "5").build(), SurveyHistory.empty(), Q3);
    assertFalse(newcomer.revenueBefore());
    assertFalse(newcomer.previouslyActive());
  }
}
