package io.kam.kpi.domain.calc;

import static io.kam.kpi.domain.calc.Fixtures.assertDecimal;
import static io.kam.kpi.domain.calc.Fixtures.revenue;
import static io.kam.kpi.domain.calc.Fixtures.ym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevenueHistoryTest {

  @Test
  void duplicatesOfAMonthAndLineAreSummedExactly() {
    RevenueHistory history =
        revenue()
            .line("2026-07", "CLOUD", "0.1")
            .line("2026-07", "CLOUD", "0.2")
            .line("2026-07", "CLOUD", "0.0001")
            .build();
    // 0.1 + 0.2 + 0.0001 = 0.3001 exactly (a double would give 0.30010000000000003)
    assertDecimal("0.3001", history.net(Period.parse("2026-07")));
    assertEquals(
        List.of(new RevenueEntry(ym("2026-07"), "CLOUD", new BigDecimal("0.3001"))),
        history.entries());
  }

  @Test
  void netOverARangeIncludesCreditNotesAndIgnoresMonthsOutside() {
    RevenueHistory history =
        revenue()
            .line("2026-06", "CLOUD", "999")
            .line("2026-07", "CLOUD", "100.50")
            .line("2026-08", "CLOUD", "-30.25")
            .line("2026-09", "SUPPORT", "10")
            .line("2026-10", "CLOUD", "999")
            .build();
    // 100.50 - 30.25 + 10 = 80.25
    assertDecimal("80.25", history.net(Period.parse("2026-Q3")));
    assertDecimal("0", history.net(Period.parse("2025-Q3")));
  }

  @Test
  void netByProductLineIsSortedAndComparesNamesExactly() {
    RevenueHistory history =
        revenue()
            .line("2026-07", "cloud", "1")
            .line("2026-07", "CLOUD", "2")
            .line("2026-08", "ANALYTICS", "3")
            .line("2026-09", "CLOUD", "4")
            .build();
    var byLine = history.netByProductLine(Period.parse("2026-Q3").range());
    assertEquals(List.of("ANALYTICS", "CLOUD", "cloud"), List.copyOf(byLine.keySet()));
    assertDecimal("6", byLine.get("CLOUD")); // 2 + 4
    assertDecimal("1", byLine.get("cloud"));
  }

  @Test
  void revenueBeforeNeedsAnEarlierMonthWithPositiveNet() {
    RevenueHistory history = revenue().line("2026-03", "CLOUD", "100").build();
    assertTrue(history.hadRevenueBefore(ym("2026-04")));
    assertFalse(history.hadRevenueBefore(ym("2026-03"))); // the same month is not "before"
    assertTrue(history.productLineHadRevenueBefore("CLOUD", ym("2026-04")));
    assertFalse(history.productLineHadRevenueBefore("OTHER", ym("2026-04")));
  }

  @Test
  void aCreditNoteOnlyHistoryNeverCountsAsRevenueBefore() {
    RevenueHistory history =
        revenue().line("2025-01", "CLOUD", "-100").line("2025-06", "CLOUD", "-5").build();
    assertFalse(history.hadRevenueBefore(ym("2026-07")));
    assertFalse(history.productLineHadRevenueBefore("CLOUD", ym("2026-07")));
  }

  @Test
  void aMonthWhoseAccountNetIsNotPositiveIsNoRevenueBeforeForTheAccountButIsForItsLine() {
    // 2026-01: CLOUD +100, SUPPORT -150 -> account net -50 (not > 0); CLOUD's own net +100 > 0
    RevenueHistory history =
        revenue().line("2026-01", "CLOUD", "100").line("2026-01", "SUPPORT", "-150").build();
    assertFalse(history.hadRevenueBefore(ym("2026-07")));
    assertTrue(history.productLineHadRevenueBefore("CLOUD", ym("2026-07")));
    assertFalse(history.productLineHadRevenueBefore("SUPPORT", ym("2026-07")));
  }

  @Test
  void revenueBeforeIsPerMonthNotARunningTotal() {
    // +100 in January, -100 in February: January alone had net > 0, so it counts.
    RevenueHistory history =
        revenue().line("2026-01", "CLOUD", "100").line("2026-02", "CLOUD", "-100").build();
    assertTrue(history.hadRevenueBefore(ym("2026-07")));
  }

  @Test
  void pooledHistoriesSumLinesOfTheSameName() {
    RevenueHistory parent = revenue().line("2026-07", "CLOUD", "100").build();
    RevenueHistory child =
        revenue().line("2026-07", "CLOUD", "-40").line("2026-08", "SUPPORT", "5").build();
    RevenueHistory pooled = RevenueHistory.pooled(List.of(parent, child));
    // CLOUD: 100 - 40 = 60; total 60 + 5 = 65
    assertDecimal("60", pooled.netByProductLine(Period.parse("2026-Q3").range()).get("CLOUD"));
    assertDecimal("65", pooled.net(Period.parse("2026-Q3")));
  }

  @Test
  void revenueLinesBelongToTheMonthOfTheirDate() {
    RevenueHistory history =
        RevenueHistory.builder()
            .add(LocalDate.parse("2026-09-30"), "CLOUD", new BigDecimal("7"))
            .add(LocalDate.parse("2026-10-01"), "CLOUD", new BigDecimal("11"))
            .build();
    assertDecimal("7", history.net(Period.parse("2026-Q3")));
    assertDecimal("11", history.net(Period.parse("2026-Q4")));
  }

  @Test
  void emptyHistoryHasZeroRevenueAndNoRevenueBefore() {
    assertDecimal("0", RevenueHistory.empty().net(Period.parse("2026")));
    assertFalse(RevenueHistory.empty().hadRevenueBefore(ym("2030-01")));
    assertEquals(List.of(), RevenueHistory.empty().newProductLines(Period.parse("2026").range()));
  }
}
