package io.kam.kpi.domain.calc;

import static io.kam.kpi.domain.calc.Fixtures.assertDecimal;
import static io.kam.kpi.domain.calc.Fixtures.d;
import static io.kam.kpi.domain.calc.Fixtures.revenue;
import static io.kam.kpi.domain.calc.Fixtures.surveys;
import static io.kam.kpi.domain.calc.Fixtures.ym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnapshotCalculatorTest {

  private static RevenueHistory history() {
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
        .build();
  }

  @Test
  void computesT12mValuesAsOfAMonth() {
    SurveyHistory surveys =
        surveys()
            .nps("2025-08", 0) // just before the window
            .nps("2025-09", 10)
            .csat("2025-11", 3)
            .nps("2026-02", 0)
            .csat("2026-07", 5, 4, 2)
            .nps("2026-08", 10, 9, 7, 3)
            .csat("2026-09", 1) // after the month
            .build();
    KpiSnapshotValues s =
        SnapshotCalculator.compute(history(), surveys, ym("2026-08"), d("100000"));
    // T12M 2025-09..2026-08 = 100 + (3000 + 400 - 500) + (3500 + 1200 + 300) = 8000
    // before: 2024-09..2025-08 = 1000 + 2000 - 200 + 1500 = 4300 -> 3700 / 4300
    assertDecimal("8000", s.t12mRevenue());
    assertDecimal("0.8604651162790698", s.t12mGrowth());
    // 2026-06..08 = 5000 vs 2026-03..05 = 2900 -> 2100 / 2900
    assertDecimal("0.7241379310344828", s.last3mGrowth());
    assertDecimal("0.08", s.shareOfWallet()); // 8000 / 100000
    // CSAT 3, 5, 4, 2 -> 100 x 2/4; NPS 10, 0, 10, 9, 7, 3 -> 100 x (3 - 2)/6
    assertDecimal("50", s.csatT12m());
    assertDecimal("16.66666666666667", s.npsT12m());
    // lines > 0 over the window: CLOUD, SUPPORT (both had revenue before 2025-09), ANALYTICS
    // (new); TRAINING's 250 falls after the window
    assertEquals(1, s.crossSellCount());
  }

  @Test
  void crossSellCountTreatsTheWholeT12mWindowAsOnePeriod() {
    // As of 2026-09 the window is 2025-10..2026-09: ANALYTICS and TRAINING (whose only earlier
    // line is a credit note) are new; SUPPORT had revenue in 2025-08, before the window.
    KpiSnapshotValues s =
        SnapshotCalculator.compute(history(), SurveyHistory.empty(), ym("2026-09"), null);
    assertEquals(2, s.crossSellCount());
    assertDecimal("8300", s.t12mRevenue());
    assertNull(s.shareOfWallet());
    assertNull(s.csatT12m());
    assertNull(s.npsT12m());
  }

  @Test
  void aCustomerWhoseFirstRevenueIsInsideTheWindowHasNoCrossSell() {
    RevenueHistory history =
        revenue().line("2026-01", "CLOUD", "100").line("2026-05", "ANALYTICS", "100").build();
    KpiSnapshotValues s =
        SnapshotCalculator.compute(history, SurveyHistory.empty(), ym("2026-09"), null);
    assertEquals(0, s.crossSellCount());
    assertNull(s.t12mGrowth());
    // 2026-07..09 = 0 vs 2026-04..06 = 100 -> (0 - 100) / 100
    assertDecimal("-1", s.last3mGrowth());
  }

  @Test
  void aNewlyKnownAccountHasAZeroSnapshot() {
    KpiSnapshotValues s =
        SnapshotCalculator.compute(
            RevenueHistory.empty(), SurveyHistory.empty(), ym("2026-10"), d("5000"));
    assertDecimal("0", s.t12mRevenue());
    assertNull(s.t12mGrowth());
    assertNull(s.last3mGrowth());
    assertDecimal("0", s.shareOfWallet());
    assertEquals(0, s.crossSellCount());
  }

  @Test
  void theSnapshotMonthIsTheMonthBeforeNowsMonthInUtc() {
    assertEquals(ym("2026-10"), asOf("2026-11-23T10:00:00Z"));
    assertEquals(ym("2026-09"), asOf("2026-10-01T00:00:00Z"));
    assertEquals(ym("2025-12"), asOf("2026-01-31T23:59:00Z"));
  }

  private static java.time.YearMonth asOf(String now) {
    return SnapshotCalculator.asOfMonth(Instant.parse(now));
  }
}
