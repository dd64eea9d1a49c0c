package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Computes an account's KPI snapshot as of a month. Pure and stateless. */
public final class SnapshotCalculator {

  private SnapshotCalculator() {}

  /**
   * The snapshot values for P = {@code asOfMonth}, on the account alone (no children).
   * crossSellCount applies the newProductLines rule to the whole T12M window as one period.
   */
  public static KpiSnapshotValues compute(
      RevenueHistory revenue, SurveyHistory surveys, YearMonth asOfMonth, BigDecimal wallet) {
    TrailingKpis trailing = TrailingKpis.of(revenue, surveys, asOfMonth, wallet);
    return new KpiSnapshotValues(
        trailing.t12mRevenue(),
        trailing.t12mGrowth(),
        trailing.last3mGrowth(),
        trailing.shareOfWallet(),
        trailing.npsT12m(),
        trailing.csatT12m(),
        revenue.newProductLines(trailing.t12m()).size());
  }

  /** The last complete calendar month as of {@code now}: the month before now's UTC month. */
  public static YearMonth asOfMonth(Instant now) {
    return YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(1);
  }
}
