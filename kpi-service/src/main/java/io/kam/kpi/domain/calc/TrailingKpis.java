package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The KPIs that only depend on P's last month (T12M values and last3mGrowth), shared by the account
 * KPIs and the snapshot so both compute them the same way.
 */
record TrailingKpis(
    MonthRange t12m,
    BigDecimal t12mRevenue,
    BigDecimal t12mGrowth,
    BigDecimal last3mGrowth,
    BigDecimal shareOfWallet,
    BigDecimal csatT12m,
    BigDecimal npsT12m) {

  static TrailingKpis of(
      RevenueHistory revenue, SurveyHistory surveys, YearMonth lastMonth, BigDecimal wallet) {
    MonthRange t12m = MonthRange.endingWith(lastMonth, 12);
    BigDecimal t12mRevenue = revenue.net(t12m);
    MonthRange last3m = MonthRange.endingWith(lastMonth, 3);
    SurveyCounts t12mSurveys = surveys.counts(t12m);
    return new TrailingKpis(
        t12m,
        t12mRevenue,
        KpiMath.growth(t12mRevenue, revenue.net(t12m.before())),
        KpiMath.growth(revenue.net(last3m), revenue.net(last3m.before())),
        shareOfWallet(t12mRevenue, wallet),
        t12mSurveys.csat(),
        t12mSurveys.nps());
  }

  /** max(t12m, 0) / wallet; null when the wallet is unknown (null) or 0. */
  static BigDecimal shareOfWallet(BigDecimal t12mRevenue, BigDecimal wallet) {
    return KpiMath.ratio(KpiMath.positivePart(t12mRevenue), wallet);
  }
}
