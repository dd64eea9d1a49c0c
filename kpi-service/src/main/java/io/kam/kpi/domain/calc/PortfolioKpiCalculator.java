package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Computes the portfolio KPIs of a segment for a period (docs/kpis-and-scores.md, portfolio table).
 * Every account counts on its own: the caller passes one {@link AccountPeriodFacts} per account of
 * the segment, inactive ones included (they count in totals, P-1 and churn).
 */
public final class PortfolioKpiCalculator {

  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  private PortfolioKpiCalculator() {}

  public static PortfolioKpis compute(Period period, Collection<AccountPeriodFacts> accounts) {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal previousTotal = BigDecimal.ZERO;
    BigDecimal yearAgoTotal = BigDecimal.ZERO;
    SurveyCounts surveys = SurveyCounts.EMPTY;
    List<BigDecimal> activeRevenues = new ArrayList<>();
    int newAccounts = 0;
    int churned = 0;
    int previouslyActive = 0;
    int retained = 0;
    BigDecimal previousActiveBase = BigDecimal.ZERO; // sum of rev(a,P-1) over active(P-1)
    BigDecimal grossRetained = BigDecimal.ZERO;
    BigDecimal netRetained = BigDecimal.ZERO;
    int crossSellBase = 0;
    int crossSold = 0;

    for (AccountPeriodFacts a : accounts) {
      total = total.add(a.revenue());
      previousTotal = previousTotal.add(a.previousRevenue());
      yearAgoTotal = yearAgoTotal.add(a.yearAgoRevenue());
      surveys = surveys.plus(a.surveys());
      if (a.isNew()) {
        newAccounts++;
      }
      if (a.churned()) {
        churned++;
      }
      if (a.active()) {
        activeRevenues.add(a.revenue());
        if (a.revenueBefore()) {
          // Numerator within the denominator: a cross-sold account that is not active in P,
          // or had no revenue before P, is not counted at all.
          crossSellBase++;
          if (a.crossSellCount() >= 1) {
            crossSold++;
          }
        }
      }
      if (a.previouslyActive()) {
        previouslyActive++;
        previousActiveBase = previousActiveBase.add(a.previousRevenue());
        BigDecimal kept = KpiMath.positivePart(a.revenue()); // a credit-only P retains nothing
        netRetained = netRetained.add(kept);
        grossRetained = grossRetained.add(kept.min(a.previousRevenue()));
        if (a.active()) {
          retained++;
        }
      }
    }

    // ratio() is null on a zero denominator. previousActiveBase > 0 whenever active(P-1) is
    // non-empty, so grr/nrr are null exactly when it is empty; likewise for active(P) sums.
    BigDecimal activeTotal = activeRevenues.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return new PortfolioKpis(
        period.toString(),
        total,
        KpiMath.growth(total, previousTotal),
        KpiMath.growth(total, yearAgoTotal),
        activeRevenues.size(),
        newAccounts,
        churned,
        KpiMath.ratio(BigDecimal.valueOf(retained), BigDecimal.valueOf(previouslyActive)),
        KpiMath.ratio(grossRetained, previousActiveBase),
        KpiMath.ratio(netRetained, previousActiveBase),
        surveys.csat(),
        surveys.nps(),
        KpiMath.ratio(topShareSum(activeRevenues), activeTotal),
        hhi(activeRevenues, activeTotal),
        KpiMath.ratio(BigDecimal.valueOf(crossSold), BigDecimal.valueOf(crossSellBase)));
  }

  /** ceil(0.2 x n): how many accounts the top 20 % of n active accounts are, without rounding. */
  public static int topCount(int activeAccounts) {
    return (activeAccounts + 4) / 5;
  }

  /** Sum of the topCount(n) largest revenues. */
  private static BigDecimal topShareSum(List<BigDecimal> activeRevenues) {
    int top = topCount(activeRevenues.size());
    return activeRevenues.stream()
        .sorted(Comparator.reverseOrder())
        .limit(top)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * sum((rev / total)^2) x 10000 on 0..10000, computed as 10000 x sum(rev^2) / total^2 so the only
   * rounding is the final division.
   */
  private static BigDecimal hhi(List<BigDecimal> activeRevenues, BigDecimal activeTotal) {
    if (activeRevenues.isEmpty()) {
      return null;
    }
    BigDecimal squares = BigDecimal.ZERO;
    for (BigDecimal revenue : activeRevenues) {
      squares = squares.add(revenue.multiply(revenue));
    }
    return KpiMath.ratio(squares.multiply(TEN_THOUSAND), activeTotal.multiply(activeTotal));
  }
}
