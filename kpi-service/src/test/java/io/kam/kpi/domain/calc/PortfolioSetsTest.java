package io.kam.kpi.domain.calc;

import static io.kam.kpi.domain.calc.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each drill-down set has exactly the size of the count the calculator reports. */
class PortfolioSetsTest {

  private static final Period Q3 = Period.parse("2026-Q3");

  private static AccountPeriodFacts facts(String id, String rev, String previous, boolean before) {
    return new AccountPeriodFacts(
        UUID.fromString("00000000-0000-0000-0000-00000000000" + id),
        d(rev),
        d(previous),
        d("0"),
        before,
        0,
        SurveyCounts.EMPTY);
  }

  /**
   * Active: 1 (300), 2 (300), 3 (300), 4 (50, new), 5 (10) -> top ceil(1.0) = 1 of the three tied
   * at 300: the smallest id. Churned: 6 (-5 in P, 80 before), 7 (0 in P, 20 before). Not counted: 8
   * (credit only in P, nothing before).
   */
  @Test
  void theSetsAreWhatTheCountsCountWithTiesCutByAccountId() {
    List<AccountPeriodFacts> all =
        List.of(
            facts("3", "300", "100", true),
            facts("1", "300", "0", true),
            facts("2", "300", "0", true),
            facts("4", "50", "0", false),
            facts("5", "10", "10", true),
            facts("6", "-5", "80", true),
            facts("7", "0", "20", true),
            facts("8", "-1", "0", false));
    PortfolioKpis kpis = PortfolioKpiCalculator.compute(Q3, all);

    List<PortfolioSets.Member> active = PortfolioSets.members(PortfolioSets.Metric.ACTIVE, all);
    List<PortfolioSets.Member> fresh = PortfolioSets.members(PortfolioSets.Metric.NEW, all);
    List<PortfolioSets.Member> churned = PortfolioSets.members(PortfolioSets.Metric.CHURNED, all);
    List<PortfolioSets.Member> top = PortfolioSets.members(PortfolioSets.Metric.TOP20, all);

    assertEquals(kpis.activeAccounts(), active.size());
    assertEquals(kpis.newAccounts(), fresh.size());
    assertEquals(kpis.churnedAccounts(), churned.size());
    assertEquals(5, active.size());
    assertEquals(List.of("1", "2", "3", "4", "5"), ids(active));
    assertEquals(List.of("4"), ids(fresh));
    assertEquals(List.of("6", "7"), ids(churned)); // by the revenue lost: 80, then 20
    assertEquals(0, d("80").compareTo(churned.get(0).revenue()));
    assertEquals(List.of("1"), ids(top));
    assertEquals(
        0, kpis.top20Share().compareTo(KpiMath.ratio(top.get(0).revenue(), d("960")))); // 300 / 960
  }

  private static List<String> ids(List<PortfolioSets.Member> members) {
    return members.stream().map(m -> m.accountId().toString().substring(35)).toList();
  }
}
