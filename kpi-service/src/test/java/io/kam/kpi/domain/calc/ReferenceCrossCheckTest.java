package io.kam.kpi.domain.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Recomputes the account KPIs on random histories straight from docs/kpis-and-scores.md's wording,
 * on a flat list of lines and with no shared code, and compares. Guards the indexed implementation
 * (precomputed "first positive month", sorted slices) against the definitions.
 */
class ReferenceCrossCheckTest {

  private static final MathContext MC = MathContext.DECIMAL64;
  private static final String[] LINES = {"A", "B", "C", "D", "E", "F", "G"};

  private record Line(YearMonth month, String productLine, BigDecimal amount) {}

  @RepeatedTest(40)
  void accountKpisMatchAStraightReadingOfTheDefinitions(RepetitionInfo info) {
    Random random = new Random(1000L + info.getCurrentRepetition());
    List<Line> lines = new ArrayList<>();
    RevenueHistory.Builder builder = RevenueHistory.builder();
    for (int i = 0; i < 40; i++) {
      YearMonth month = YearMonth.of(2023, 1).plusMonths(random.nextInt(48));
      String productLine = LINES[random.nextInt(LINES.length)];
      // mostly invoices, some credit notes, 2 fraction digits
      BigDecimal amount = BigDecimal.valueOf(random.nextInt(12000) - 3000, 2);
      lines.add(new Line(month, productLine, amount));
      builder.add(month, productLine, amount);
    }
    RevenueHistory history = builder.build();
    Period.Kind kind = Period.Kind.values()[random.nextInt(3)];
    Period p = Period.containing(kind, YearMonth.of(2024, 6).plusMonths(random.nextInt(24)));

    AccountKpis k =
        AccountKpiCalculator.compute(
            null,
            history,
            SurveyHistory.empty(),
            p,
            new BigDecimal("50000"),
            new BigDecimal("0.2"),
            KpiSettings.defaults());

    YearMonth first = p.firstMonth();
    YearMonth last = first.plusMonths(kind.months() - 1L);
    int len = kind.months();
    Predicate<YearMonth> inP = m -> !m.isBefore(first) && !m.isAfter(last);
    YearMonth prevFirst = first.minusMonths(len);
    YearMonth yoyFirst = first.minusMonths(12);
    BigDecimal rev = sum(lines, inP, null);
    BigDecimal prev = sum(lines, between(prevFirst, first.minusMonths(1)), null);
    BigDecimal yoy = sum(lines, between(yoyFirst, yoyFirst.plusMonths(len - 1L)), null);
    BigDecimal t12m = sum(lines, between(last.minusMonths(11), last), null);
    BigDecimal t12mBefore = sum(lines, between(last.minusMonths(23), last.minusMonths(12)), null);
    BigDecimal l3 = sum(lines, between(last.minusMonths(2), last), null);
    BigDecimal l3Before = sum(lines, between(last.minusMonths(5), last.minusMonths(3)), null);

    assertSame(rev, k.revenue());
    assertSame(growth(rev, prev), k.revenueGrowth());
    assertSame(growth(rev, yoy), k.yoyGrowth());
    assertSame(t12m, k.t12mRevenue());
    assertSame(growth(t12m, t12mBefore), k.t12mGrowth());
    assertSame(growth(l3, l3Before), k.last3mGrowth());

    List<String> expectedNew = new ArrayList<>();
    if (hadRevenueBefore(lines, first, null)) {
      for (String line : new TreeSet<>(List.of(LINES))) {
        if (sum(lines, inP, line).signum() > 0 && !hadRevenueBefore(lines, first, line)) {
          expectedNew.add(line);
        }
      }
    }
    assertEquals(expectedNew, k.newProductLines(), p + " " + lines);

    BigDecimal upsell = BigDecimal.ZERO;
    for (String line : LINES) {
      BigDecimal now = sum(lines, inP, line);
      BigDecimal before = sum(lines, between(prevFirst, first.minusMonths(1)), line);
      if (now.signum() > 0 && before.signum() > 0) {
        upsell = upsell.add(now.subtract(before).max(BigDecimal.ZERO));
      }
    }
    assertSame(upsell, k.upsellRevenue());
    BigDecimal positive = t12m.max(BigDecimal.ZERO);
    assertSame(positive.divide(new BigDecimal("50000"), MC), k.shareOfWallet());
    // churn 0.2 >= 1/10: max(t12m,0) x 0.30 / 0.2
    assertSame(
        positive.multiply(new BigDecimal("0.30")).divide(new BigDecimal("0.2"), MC), k.clv());
  }

  private static Predicate<YearMonth> between(YearMonth from, YearMonth to) {
    return m -> !m.isBefore(from) && !m.isAfter(to);
  }

  private static BigDecimal sum(List<Line> lines, Predicate<YearMonth> months, String line) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Line l : lines) {
      if (months.test(l.month()) && (line == null || line.equals(l.productLine()))) {
        sum = sum.add(l.amount());
      }
    }
    return sum;
  }

  /** Some calendar month before {@code first} whose net (of the account or line) is > 0. */
  private static boolean hadRevenueBefore(List<Line> lines, YearMonth first, String line) {
    for (Line l : lines) {
      if (l.month().isBefore(first) && sum(lines, l.month()::equals, line).signum() > 0) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal growth(BigDecimal current, BigDecimal base) {
    return base.signum() <= 0 ? null : current.subtract(base).divide(base, MC);
  }

  private static void assertSame(BigDecimal expected, BigDecimal actual) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual);
    } else {
      assertEquals(0, expected.compareTo(actual), "expected " + expected + " was " + actual);
    }
  }
}
