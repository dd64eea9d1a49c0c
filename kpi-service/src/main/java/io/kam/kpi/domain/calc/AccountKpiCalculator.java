package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Computes an account's KPIs for a period (docs/kpis-and-scores.md, "KPIs"). Pure and stateless.
 */
public final class AccountKpiCalculator {

  private AccountKpiCalculator() {}

  /**
   * @param accountId copied into the result as is (may be null)
   * @param revenue the account's history (or its subtree's, pooled); months after P are ignored
   * @param surveys the account's responses (or its subtree's, pooled)
   * @param wallet potentialAnnualSpend of the account asked for; null when unknown
   * @param annualChurnRate the portfolio-wide rate (see {@link ChurnRate})
   */
  public static AccountKpis compute(
      UUID accountId,
      RevenueHistory revenue,
      SurveyHistory surveys,
      Period period,
      BigDecimal wallet,
      BigDecimal annualChurnRate,
      KpiSettings settings) {
    Objects.requireNonNull(revenue, "revenue");
    Objects.requireNonNull(surveys, "surveys");
    Objects.requireNonNull(annualChurnRate, "annualChurnRate");
    Objects.requireNonNull(settings, "settings");
    MonthRange p = period.range();
    BigDecimal rev = revenue.net(p);
    TrailingKpis trailing = TrailingKpis.of(revenue, surveys, period.lastMonth(), wallet);
    SurveyCounts inP = surveys.counts(p);
    List<String> newProductLines = revenue.newProductLines(p);
    return new AccountKpis(
        accountId,
        period.toString(),
        rev,
        KpiMath.growth(rev, revenue.net(period.previous())),
        KpiMath.growth(rev, revenue.net(period.yearAgo())),
        trailing.t12mRevenue(),
        trailing.t12mGrowth(),
        trailing.last3mGrowth(),
        inP.csat(),
        inP.nps(),
        trailing.csatT12m(),
        trailing.npsT12m(),
        newProductLines,
        newProductLines.size(),
        upsellRevenue(revenue, period),
        trailing.shareOfWallet(),
        clv(trailing.t12mRevenue(), annualChurnRate, settings),
        null,
        null,
        null);
  }

  /**
   * Sum over product lines with net > 0 in both P-1 and P of max(0, line in P - line in P-1):
   * growth on lines the customer already buys, as opposed to cross-sell.
   */
  public static BigDecimal upsellRevenue(RevenueHistory revenue, Period period) {
    Map<String, BigDecimal> previous = revenue.netByProductLine(period.previous().range());
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> line : revenue.netByProductLine(period.range()).entrySet()) {
      BigDecimal before = previous.get(line.getKey());
      if (line.getValue().signum() > 0 && before != null && before.signum() > 0) {
        sum = sum.add(KpiMath.positivePart(line.getValue().subtract(before)));
      }
    }
    return sum;
  }

  /**
   * max(t12m, 0) x grossMargin / max(annualChurnRate, 1 / maxLifetimeYears).
   *
   * <p>Dividing by 1/L is multiplying by L, so the lifetime cap is applied exactly (no rounded 1/3
   * for L = 3); only a division by the churn rate itself rounds (DECIMAL64).
   */
  public static BigDecimal clv(
      BigDecimal t12mRevenue, BigDecimal annualChurnRate, KpiSettings settings) {
    BigDecimal margin = KpiMath.positivePart(t12mRevenue).multiply(settings.grossMargin());
    BigDecimal lifetime = BigDecimal.valueOf(settings.maxLifetimeYears());
    // churn >= 1/L  <=>  churn x L >= 1, compared exactly.
    if (annualChurnRate.multiply(lifetime).compareTo(BigDecimal.ONE) >= 0) {
      return KpiMath.plain(margin.divide(annualChurnRate, KpiMath.MC));
    }
    return margin.multiply(lifetime);
  }
}
