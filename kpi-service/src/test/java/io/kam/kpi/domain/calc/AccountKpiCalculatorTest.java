package io.kam.kpi.domain.calc;

import static io.kam.kpi.domain.calc.Fixtures.assertDecimal;
import static io.kam.kpi.domain.calc.Fixtures.d;
import static io.kam.kpi.domain.calc.Fixtures.revenue;
import static io.kam.kpi.domain.calc.Fixtures.surveys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountKpiCalculatorTest {

  private static final UUID ID = UUID.fromString("0b9f0000-0000-0000-0000-000000000001");
  private static final BigDecimal CHURN = d("0.25");

  /**
   * Quarter sums: 2024-Q4 1000, 2025-Q1 2000, 2025-Q3 1300 (-200 + 1000 + 500), 2026-Q1 100,
   * 2026-Q2 2900 (3000 + 400 - 500), 2026-Q3 5300 (3500 + 1200 + 300 + 250 + 50). TRAINING only had
   * a credit note before Q3 2026; 2026-10 lies after every P used here.
   */
  private static RevenueHistory acme() {
    return revenue()
        .line("2024-10", "CLOUD", "1000")
        .line("2025-03", "CLOUD", "2000")
        .line("2025-07", "TRAINING", "-200")
        .line("2025-08", "CLOUD", "1000")
        .line("2025-08", "SUPPORT", "500")
        .line("2026-01", "SUPPORT", "100")
        .line("2026-04", "CLOUD", "3000")
        .line("2026-04", "SUPPORT", "400")
        .line("2026-05", "CLOUD", "-500")
        .line("2026-07", "CLOUD", "3500")
        .line("2026-08", "ANALYTICS", "1200")
        .line("2026-08", "SUPPORT", "300")
        .line("2026-09", "TRAINING", "250")
        .line("2026-09", "SUPPORT", "50")
        .line("2026-10", "CLOUD", "99999")
        .build();
  }

  private static SurveyHistory acmeSurveys() {
    return surveys()
        .nps("2025-09", 10) // before T12M of 2026-Q3
        .csat("2025-11", 3)
        .nps("2026-02", 0)
        .csat("2026-07", 5, 4, 2)
        .nps("2026-08", 10, 9, 7, 3)
        .nps("2026-10", 0) // after P
        .build();
  }

  private static AccountKpis compute(RevenueHistory revenue, String period) {
    return AccountKpiCalculator.compute(
        ID,
        revenue,
        SurveyHistory.empty(),
        Period.parse(period),
        null,
        CHURN,
        KpiSettings.defaults());
  }

  @Test
  void computesEveryKpiOfAQuarter() {
    AccountKpis k =
        AccountKpiCalculator.compute(
            ID,
            acme(),
            acmeSurveys(),
            Period.parse("2026-Q3"),
            d("100000"),
            CHURN,
            KpiSettings.defaults());

    assertEquals(ID, k.accountId());
    assertEquals("2026-Q3", k.period());
    assertDecimal("5300", k.revenue());
    // (5300 - 2900) / 2900 = 0.82758620689655172... -> 16 digits
    assertDecimal("0.8275862068965517", k.revenueGrowth());
    // P-Y = 2025-Q3 = 1300: (5300 - 1300) / 1300 = 3.0769230769230769...
    assertDecimal("3.076923076923077", k.yoyGrowth());
    // T12M 2025-10..2026-09 = 100 + 2900 + 5300 = 8300; 12 before (2024-10..2025-09)
    // = 1000 + 2000 + 1300 = 4300; (8300 - 4300) / 4300 = 0.93023255813953488...
    assertDecimal("8300", k.t12mRevenue());
    assertDecimal("0.9302325581395349", k.t12mGrowth());
    // for a quarter the last 3 months are P and the 3 before are P-1
    assertDecimal("0.8275862068965517", k.last3mGrowth());
    // CSAT in P: 5, 4, 2 -> 100 x 2/3; NPS in P: 10, 9, 7, 3 -> 100 x (2 - 1)/4 = 25
    assertDecimal("66.66666666666667", k.csat());
    assertDecimal("25", k.nps());
    // T12M adds CSAT 3 (2025-11): 100 x 2/4 = 50; and NPS 0 (2026-02): 100 x (2 - 2)/5 = 0
    assertDecimal("50", k.csatT12m());
    assertDecimal("0", k.npsT12m());
    // lines > 0 in P: ANALYTICS (never before), CLOUD, SUPPORT (both before), TRAINING
    // (before only a credit note, which is no revenue) -> ANALYTICS, TRAINING
    assertEquals(List.of("ANALYTICS", "TRAINING"), k.newProductLines());
    assertEquals(2, k.crossSellCount());
    // CLOUD 2500 -> 3500: +1000; SUPPORT 400 -> 350: max(0, -50) = 0
    assertDecimal("1000", k.upsellRevenue());
    // 8300 / 100000
    assertDecimal("0.083", k.shareOfWallet());
    // 8300 x 0.30 / max(0.25, 0.1) = 2490 / 0.25
    assertDecimal("9960", k.clv());
  }

  @Test
  void computesAMonthAgainstThePreviousMonthAndTheSameMonthAYearAgo() {
    AccountKpis k =
        AccountKpiCalculator.compute(
            ID,
            acme(),
            acmeSurveys(),
            Period.parse("2026-08"),
            null,
            CHURN,
            KpiSettings.defaults());
    // 2026-08 = 1200 + 300 = 1500; 2026-07 = 3500: (1500 - 3500) / 3500 = -0.571428...
    assertDecimal("1500", k.revenue());
    assertDecimal("-0.5714285714285714", k.revenueGrowth());
    // 2025-08 = 1500: (1500 - 1500) / 1500 = 0
    assertDecimal("0", k.yoyGrowth());
    // T12M 2025-09..2026-08 = 100 + 2900 + 3500 + 1500 = 8000; before: 1000 + 2000 - 200 + 1500
    // = 4300: 3700 / 4300 = 0.86046511627906976...
    assertDecimal("8000", k.t12mRevenue());
    assertDecimal("0.8604651162790698", k.t12mGrowth());
    // 2026-06..08 = 5000 vs 2026-03..05 = 2900: 2100 / 2900 = 0.72413793103448275...
    assertDecimal("0.7241379310344828", k.last3mGrowth());
    assertNull(k.csat());
    assertDecimal("25", k.nps());
    assertEquals(List.of("ANALYTICS"), k.newProductLines());
    // lines > 0 in 2026-07: CLOUD only; in 2026-08: ANALYTICS, SUPPORT -> none in both
    assertDecimal("0", k.upsellRevenue());
  }

  @Test
  void previousOfAFirstQuarterIsTheLastQuarterOfTheYearBefore() {
    RevenueHistory history =
        revenue()
            .line("2025-01", "CLOUD", "100")
            .line("2025-11", "CLOUD", "400")
            .line("2025-12", "CLOUD", "100")
            .line("2026-02", "CLOUD", "600")
            .line("2026-03", "ANALYTICS", "150")
            .build();
    AccountKpis k = compute(history, "2026-Q1");
    // P = 750, P-1 = 2025-Q4 = 500: 250 / 500; P-Y = 2025-Q1 = 100: 650 / 100
    assertDecimal("750", k.revenue());
    assertDecimal("0.5", k.revenueGrowth());
    assertDecimal("6.5", k.yoyGrowth());
    // T12M 2025-04..2026-03 = 1250; 2024-04..2025-03 = 100: 1150 / 100
    assertDecimal("1250", k.t12mRevenue());
    assertDecimal("11.5", k.t12mGrowth());
    assertDecimal("0.5", k.last3mGrowth());
    assertEquals(List.of("ANALYTICS"), k.newProductLines());
    // CLOUD 500 -> 600
    assertDecimal("100", k.upsellRevenue());
  }

  @Test
  void aYearIsComparedWithThePreviousYearAndItsT12mIsTheYearItself() {
    RevenueHistory history =
        revenue()
            .line("2024-06", "CLOUD", "1000")
            .line("2025-02", "CLOUD", "2000")
            .line("2025-11", "SUPPORT", "500")
            .line("2026-03", "CLOUD", "1500")
            .line("2026-08", "SUPPORT", "1000")
            .line("2026-10", "ANALYTICS", "300")
            .line("2026-12", "CLOUD", "200")
            .line("2027-01", "CLOUD", "5000")
            .build();
    AccountKpis k = compute(history, "2026");
    assertEquals("2026", k.period());
    // 2026 = 1500 + 1000 + 300 + 200 = 3000; 2025 = 2500: P-1 = P-Y, 500 / 2500
    assertDecimal("3000", k.revenue());
    assertDecimal("0.2", k.revenueGrowth());
    assertDecimal("0.2", k.yoyGrowth());
    assertDecimal("3000", k.t12mRevenue());
    assertDecimal("0.2", k.t12mGrowth());
    // 2026-Q4 = 500 vs 2026-Q3 = 1000: -500 / 1000
    assertDecimal("-0.5", k.last3mGrowth());
    assertEquals(List.of("ANALYTICS"), k.newProductLines());
    // CLOUD 2000 -> 1700: 0; SUPPORT 500 -> 1000: 500
    assertDecimal("500", k.upsellRevenue());
  }

  @Test
  void growthsAreNullWhenTheirBaseIsZero() {
    AccountKpis k = compute(revenue().line("2026-07", "CLOUD", "100").build(), "2026-Q3");
    assertDecimal("100", k.revenue());
    assertNull(k.revenueGrowth());
    assertNull(k.yoyGrowth());
    assertNull(k.t12mGrowth());
    assertNull(k.last3mGrowth());
  }

  @Test
  void revenueGrowthIsNullWhenPreviousPeriodIsNegative() {
    RevenueHistory history =
        revenue().line("2026-04", "CLOUD", "-50").line("2026-07", "CLOUD", "100").build();
    AccountKpis k = compute(history, "2026-Q3");
    assertNull(k.revenueGrowth());
    assertNull(k.last3mGrowth());
    // T12M = -50 + 100 = 50; the 12 months before are 0
    assertDecimal("50", k.t12mRevenue());
    assertNull(k.t12mGrowth());
  }

  @Test
  void revenueGrowthIsMinusOneWhenRevenueDropsToZero() {
    AccountKpis k = compute(revenue().line("2026-04", "CLOUD", "100").build(), "2026-Q3");
    // (0 - 100) / 100
    assertDecimal("0", k.revenue());
    assertDecimal("-1", k.revenueGrowth());
  }

  @Test
  void anAccountWithoutRevenueHasZeroMoneyAndNullRatios() {
    AccountKpis k =
        AccountKpiCalculator.compute(
            null,
            RevenueHistory.empty(),
            SurveyHistory.empty(),
            Period.parse("2026-Q3"),
            d("1000"),
            CHURN,
            KpiSettings.defaults());
    assertNull(k.accountId());
    assertDecimal("0", k.revenue());
    assertDecimal("0", k.t12mRevenue());
    assertDecimal("0", k.upsellRevenue());
    assertDecimal("0", k.clv());
    assertDecimal("0", k.shareOfWallet()); // 0 / 1000
    assertNull(k.revenueGrowth());
    assertNull(k.yoyGrowth());
    assertNull(k.t12mGrowth());
    assertNull(k.last3mGrowth());
    assertEquals(List.of(), k.newProductLines());
    assertEquals(0, k.crossSellCount());
  }

  @Test
  void surveyKpisAreNullWithoutResponses() {
    AccountKpis k = compute(acme(), "2026-Q3");
    assertNull(k.csat());
    assertNull(k.nps());
    assertNull(k.csatT12m());
    assertNull(k.npsT12m());
  }

  @Test
  void theFirstPeriodOfANewCustomerHasNoNewProductLines() {
    RevenueHistory history =
        revenue().line("2026-07", "CLOUD", "100").line("2026-08", "ANALYTICS", "50").build();
    AccountKpis k = compute(history, "2026-Q3");
    assertEquals(List.of(), k.newProductLines());
    assertEquals(0, k.crossSellCount());
  }

  @Test
  void anAccountWithOnlyCreditNotesBeforeIsStillANewCustomer() {
    RevenueHistory history =
        revenue().line("2025-05", "CLOUD", "-300").line("2026-07", "ANALYTICS", "50").build();
    assertEquals(List.of(), compute(history, "2026-Q3").newProductLines());
  }

  @Test
  void aLineNeedsPositiveNetOverThePeriodToBeNew() {
    RevenueHistory history =
        revenue()
            .line("2026-01", "CLOUD", "100")
            .line("2026-07", "ANALYTICS", "50")
            .line("2026-09", "ANALYTICS", "-50") // ANALYTICS nets 0 in P
            .line("2026-08", "TRAINING", "-10") // credit only
            .line("2026-08", "BETA", "1")
            .build();
    assertEquals(List.of("BETA"), compute(history, "2026-Q3").newProductLines());
  }

  @Test
  void upsellCountsOnlyLinesPositiveInBothPreviousPeriodAndPeriod() {
    RevenueHistory history =
        revenue()
            .line("2026-04", "CLOUD", "1000")
            .line("2026-07", "CLOUD", "1500") // +500
            .line("2026-04", "SUPPORT", "800")
            .line("2026-07", "SUPPORT", "600") // decline: 0
            .line("2026-04", "ANALYTICS", "-100")
            .line("2026-07", "ANALYTICS", "700") // P-1 < 0
            .line("2026-07", "TRAINING", "300") // not in P-1
            .line("2026-04", "HARDWARE", "200")
            .line("2026-07", "HARDWARE", "-50") // P < 0
            .line("2026-04", "LICENSES", "100")
            .line("2026-05", "LICENSES", "-100") // P-1 = 0
            .line("2026-07", "LICENSES", "400")
            .build();
    assertDecimal("500", compute(history, "2026-Q3").upsellRevenue());
  }

  @Test
  void shareOfWalletIsNullWhenTheWalletIsUnknownOrZero() {
    assertNull(withWallet(acme(), null).shareOfWallet());
    assertNull(withWallet(acme(), d("0")).shareOfWallet());
    assertNull(withWallet(acme(), d("0.00")).shareOfWallet());
  }

  @Test
  void shareOfWalletUsesT12mRevenueFlooredAtZero() {
    RevenueHistory credited = revenue().line("2026-07", "CLOUD", "-500").build();
    assertDecimal("0", withWallet(credited, d("1000")).shareOfWallet());
    // 8300 / 30000 = 0.276666...
    assertDecimal("0.2766666666666667", withWallet(acme(), d("30000")).shareOfWallet());
  }

  private static AccountKpis withWallet(RevenueHistory history, BigDecimal wallet) {
    return AccountKpiCalculator.compute(
        ID,
        history,
        SurveyHistory.empty(),
        Period.parse("2026-Q3"),
        wallet,
        CHURN,
        KpiSettings.defaults());
  }

  @Test
  void clvDividesByTheChurnRateWhenItIsAboveOneOverTheMaxLifetime() {
    KpiSettings defaults = KpiSettings.defaults();
    // 8300 x 0.30 = 2490; 2490 / 0.7 = 3557.142857142857142...
    assertDecimal("3557.142857142857", AccountKpiCalculator.clv(d("8300"), d("0.7"), defaults));
    assertDecimal("9960", AccountKpiCalculator.clv(d("8300"), d("0.25"), defaults));
    // L = 3: 0.4 > 1/3 -> 2490 / 0.4
    assertDecimal(
        "6225", AccountKpiCalculator.clv(d("8300"), d("0.4"), new KpiSettings(d("0.30"), 3)));
  }

  @Test
  void clvIsCappedAtTheMaxLifetimeWhenChurnIsBelowOneOverIt() {
    KpiSettings defaults = KpiSettings.defaults();
    // 2490 / max(0.05, 0.1) = 2490 x 10
    assertDecimal("24900", AccountKpiCalculator.clv(d("8300"), d("0.05"), defaults));
    assertDecimal("24900", AccountKpiCalculator.clv(d("8300"), d("0"), defaults));
    assertDecimal("24900", AccountKpiCalculator.clv(d("8300"), d("0.1"), defaults));
    // L = 3: 0.3 and the rounded 1/3 are both below the exact 1/3 -> 2490 x 3
    KpiSettings threeYears = new KpiSettings(d("0.30"), 3);
    assertDecimal("7470", AccountKpiCalculator.clv(d("8300"), d("0.3"), threeYears));
    assertDecimal("7470", AccountKpiCalculator.clv(d("8300"), d("0.3333333333333333"), threeYears));
    // margin 0.5, L = 5: 8300 x 0.5 x 5
    assertDecimal(
        "20750", AccountKpiCalculator.clv(d("8300"), d("0.1"), new KpiSettings(d("0.5"), 5)));
  }

  @Test
  void clvIsZeroWhenT12mRevenueIsNegative() {
    assertDecimal("0", AccountKpiCalculator.clv(d("-100"), d("0.25"), KpiSettings.defaults()));
  }

  @Test
  void aPooledSubtreeSharesProductLineHistory() {
    RevenueHistory parent =
        revenue().line("2026-01", "CLOUD", "100").line("2026-07", "ANALYTICS", "50").build();
    RevenueHistory child = revenue().line("2026-02", "ANALYTICS", "10").build();
    assertEquals(List.of("ANALYTICS"), compute(parent, "2026-Q3").newProductLines());
    // pooled, ANALYTICS already had revenue (the child's) before P
    assertEquals(
        List.of(),
        compute(RevenueHistory.pooled(List.of(parent, child)), "2026-Q3").newProductLines());
  }
}
