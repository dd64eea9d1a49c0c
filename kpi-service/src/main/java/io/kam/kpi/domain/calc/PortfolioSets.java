package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The accounts behind each count of the portfolio KPIs, with the same predicates the calculator
 * counts with ({@link AccountPeriodFacts#active()}, {@link AccountPeriodFacts#isNew()}, {@link
 * AccountPeriodFacts#churned()}, {@link PortfolioKpiCalculator#topCount}), so a set's size is its
 * count by construction. Each member carries the revenue figure relevant to its metric: rev(a,P),
 * or rev(a,P-1) for a churned account (it has none in P); members are ordered by that figure,
 * largest first, then by account id.
 */
public final class PortfolioSets {

  public enum Metric {
    ACTIVE,
    NEW,
    CHURNED,
    TOP20
  }

  /** One account of a set and its figure. */
  public record Member(UUID accountId, BigDecimal revenue) {}

  public static final Comparator<Member> ORDER =
      Comparator.comparing(Member::revenue).reversed().thenComparing(Member::accountId);

  private PortfolioSets() {}

  public static List<Member> members(Metric metric, Collection<AccountPeriodFacts> accounts) {
    return switch (metric) {
      case ACTIVE -> sorted(accounts.stream().filter(AccountPeriodFacts::active).toList(), false);
      case NEW -> sorted(accounts.stream().filter(AccountPeriodFacts::isNew).toList(), false);
      case CHURNED -> sorted(accounts.stream().filter(AccountPeriodFacts::churned).toList(), true);
      case TOP20 -> {
        // Ties at the cut: the account id decides, so the set is stable; its sum is the same.
        List<Member> active = members(Metric.ACTIVE, accounts);
        yield active.subList(0, PortfolioKpiCalculator.topCount(active.size()));
      }
    };
  }

  private static List<Member> sorted(List<AccountPeriodFacts> facts, boolean previous) {
    return facts.stream()
        .map(f -> new Member(f.accountId(), previous ? f.previousRevenue() : f.revenue()))
        .sorted(ORDER)
        .toList();
  }
}
