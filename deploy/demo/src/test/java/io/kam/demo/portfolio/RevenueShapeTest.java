package io.kam.demo.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The revenue behaves as promised: Pareto concentration, growth, decline, churn, late starters,
 * credit notes.
 */
class RevenueShapeTest {

  /**
   * docs/kpis-and-scores.md's top20Share: the top ceil(0.2 n) accounts' share of the revenue of the
   * n accounts with revenue > 0.
   */
  static double top20Share(Portfolio p, YearMonth from, YearMonth to) {
    Map<String, BigDecimal> rev = new HashMap<>();
    p.revenueLines().stream()
        .filter(
            l -> !YearMonth.from(l.date()).isBefore(from) && !YearMonth.from(l.date()).isAfter(to))
        .forEach(l -> rev.merge(l.accountExternalId(), l.amount(), BigDecimal::add));
    List<BigDecimal> active =
        rev.values().stream()
            .filter(v -> v.signum() > 0)
            .sorted(Comparator.reverseOrder())
            .toList();
    int top = (int) Math.ceil(0.2 * active.size());
    BigDecimal total = active.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal topSum = active.subList(0, top).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return topSum.doubleValue() / total.doubleValue();
  }

  @ParameterizedTest
  @CsvSource({"42,200", "1,200", "2,200", "3,200", "4,200", "42,1000", "42,10000"})
  void theTopFifthOfTheAccountsBringsSeventyToEightyPercent(long seed, int size) {
    Portfolio p = Portfolios.of(seed, size);
    double lastYear = top20Share(p, p.lastMonth().minusMonths(11), p.lastMonth());
    double window = top20Share(p, p.firstMonth(), p.lastMonth());
    assertTrue(lastYear >= 0.68 && lastYear <= 0.85, "last 12 months: " + lastYear);
    assertTrue(window >= 0.68 && window <= 0.85, "36 months: " + window);
  }

  @Test
  void churnedAccountsStopBuyingAndNewOnesStartLate() {
    Portfolio p = Portfolios.standard();
    Map<String, TreeMap<YearMonth, BigDecimal>> monthly = monthly(p);
    YearMonth mid = p.firstMonth().plusMonths(17);
    for (DemoAccount a : p.accounts()) {
      TreeMap<YearMonth, BigDecimal> m = monthly.getOrDefault(a.externalId(), new TreeMap<>());
      YearMonth firstPositive =
          m.entrySet().stream()
              .filter(e -> e.getValue().signum() > 0)
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      YearMonth lastPositive =
          m.entrySet().stream()
              .filter(e -> e.getValue().signum() > 0)
              .map(Map.Entry::getKey)
              .reduce((x, y) -> y)
              .orElse(null);
      switch (a.pattern()) {
        case PROSPECT -> assertTrue(m.isEmpty(), a.externalId());
        case CHURNED -> {
          assertTrue(lastPositive.isBefore(p.lastMonth()), a.externalId() + " stopped buying");
          assertEquals("FORMER_CUSTOMER", a.lifecycle());
        }
        case NEW ->
            assertTrue(
                !firstPositive.isBefore(mid), a.externalId() + " started late: " + firstPositive);
        default -> {
          assertEquals(p.firstMonth(), firstPositive, a.externalId());
          assertEquals(p.lastMonth(), lastPositive, a.externalId());
        }
      }
    }
  }

  @Test
  void someChurnAndSomeNewCustomersFallInTheLastQuarter() {
    Portfolio p = Portfolios.standard();
    Map<String, TreeMap<YearMonth, BigDecimal>> monthly = monthly(p);
    YearMonth lastQuarterStart = p.lastMonth().minusMonths(2);
    long recentChurn =
        p.accounts().stream()
            .filter(a -> a.pattern() == RevenuePattern.CHURNED)
            .filter(
                a ->
                    !monthly
                        .get(a.externalId())
                        .lastKey()
                        .isBefore(lastQuarterStart.minusMonths(3)))
            .count();
    long recentNew =
        p.accounts().stream()
            .filter(a -> a.pattern() == RevenuePattern.NEW)
            .filter(
                a ->
                    !monthly
                        .get(a.externalId())
                        .firstKey()
                        .isBefore(lastQuarterStart.minusMonths(3)))
            .count();
    assertTrue(recentChurn >= 1, "churned in the last two quarters: " + recentChurn);
    assertTrue(recentNew >= 1, "new in the last two quarters: " + recentNew);
  }

  @Test
  void growingAccountsGrowAndDecliningOnesDecline() {
    Portfolio p = Portfolios.standard();
    Map<String, TreeMap<YearMonth, BigDecimal>> monthly = monthly(p);
    for (DemoAccount a : p.accounts()) {
      if (a.pattern() != RevenuePattern.GROWING && a.pattern() != RevenuePattern.DECLINING) {
        continue;
      }
      TreeMap<YearMonth, BigDecimal> m = monthly.get(a.externalId());
      BigDecimal first = sum(m, p.firstMonth(), p.firstMonth().plusMonths(11));
      BigDecimal last = sum(m, p.lastMonth().minusMonths(11), p.lastMonth());
      assertEquals(
          a.pattern() == RevenuePattern.GROWING ? 1 : -1, last.compareTo(first), a.externalId());
    }
  }

  @Test
  void creditNotesAreNegativeLinesAndRare() {
    Portfolio p = Portfolios.standard();
    List<RevenueLine> credits =
        p.revenueLines().stream().filter(l -> l.amount().signum() < 0).toList();
    assertTrue(credits.size() > 50, "credit notes: " + credits.size());
    assertTrue(credits.size() < p.revenueLines().size() / 10);
    assertTrue(credits.stream().allMatch(l -> l.externalId().startsWith("CN-")));
    assertTrue(
        p.revenueLines().stream()
            .filter(l -> l.amount().signum() > 0)
            .allMatch(l -> l.externalId().startsWith("INV-")));
  }

  @Test
  void everyProductLineSellsAndSomeAreAddedLater() {
    Portfolio p = Portfolios.standard();
    Map<String, Long> byLine =
        p.revenueLines().stream()
            .collect(Collectors.groupingBy(RevenueLine::productLine, Collectors.counting()));
    assertEquals(Catalog.PRODUCT_LINES.keySet(), byLine.keySet());
    Map<String, YearMonth> firstSale = new HashMap<>();
    p.revenueLines().stream()
        .filter(l -> l.amount().signum() > 0)
        .forEach(
            l ->
                firstSale.merge(
                    l.accountExternalId() + "/" + l.productLine(),
                    YearMonth.from(l.date()),
                    (x, y) -> x.isBefore(y) ? x : y));
    long crossSold =
        firstSale.values().stream().filter(m -> m.isAfter(p.firstMonth().plusMonths(6))).count();
    assertTrue(
        crossSold > 20, "product lines first bought after the first half year: " + crossSold);
  }

  @Test
  void surveysComeAFewPerAccountAndQuarter() {
    Portfolio p = Portfolios.standard();
    long buying = p.accounts().stream().filter(a -> a.pattern() != RevenuePattern.PROSPECT).count();
    double perAccountQuarter = p.surveyResponses().size() / (double) (buying * 12);
    assertTrue(
        perAccountQuarter >= 1.5 && perAccountQuarter <= 5,
        "per account and quarter: " + perAccountQuarter);
    Map<String, Long> kinds =
        p.surveyResponses().stream()
            .collect(Collectors.groupingBy(SurveyResponse::kind, Collectors.counting()));
    assertTrue(kinds.get("CSAT") > 0 && kinds.get("NPS") > 0, kinds.toString());
    double growingNps = meanNps(p, RevenuePattern.GROWING);
    double decliningNps = meanNps(p, RevenuePattern.DECLINING);
    assertTrue(growingNps > decliningNps + 1, growingNps + " vs " + decliningNps);
  }

  private static double meanNps(Portfolio p, RevenuePattern pattern) {
    Map<String, RevenuePattern> patterns =
        p.accounts().stream()
            .collect(Collectors.toMap(DemoAccount::externalId, DemoAccount::pattern));
    return p.surveyResponses().stream()
        .filter(r -> r.kind().equals("NPS"))
        .filter(r -> patterns.get(r.accountExternalId()) == pattern)
        .mapToInt(SurveyResponse::score)
        .average()
        .orElseThrow();
  }

  private static Map<String, TreeMap<YearMonth, BigDecimal>> monthly(Portfolio p) {
    Map<String, TreeMap<YearMonth, BigDecimal>> m = new HashMap<>();
    p.revenueLines()
        .forEach(
            l ->
                m.computeIfAbsent(l.accountExternalId(), k -> new TreeMap<>())
                    .merge(YearMonth.from(l.date()), l.amount(), BigDecimal::add));
    return m;
  }

  private static BigDecimal sum(TreeMap<YearMonth, BigDecimal> m, YearMonth from, YearMonth to) {
    return m.subMap(from, true, to, true).values().stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
