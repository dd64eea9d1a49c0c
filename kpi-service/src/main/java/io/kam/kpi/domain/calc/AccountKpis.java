package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An account's KPIs for one period, field for field the API shape. Nullable ratios are null exactly
 * when docs/kpis-and-scores.md's null rules say so; money fields are never null.
 */
public record AccountKpis(
    UUID accountId,
    String period,
    BigDecimal revenue,
    BigDecimal revenueGrowth,
    BigDecimal yoyGrowth,
    BigDecimal t12mRevenue,
    BigDecimal t12mGrowth,
    BigDecimal last3mGrowth,
    BigDecimal csat,
    BigDecimal nps,
    BigDecimal csatT12m,
    BigDecimal npsT12m,
    List<String> newProductLines,
    int crossSellCount,
    BigDecimal upsellRevenue,
    BigDecimal shareOfWallet,
    BigDecimal clv) {

  public AccountKpis {
    newProductLines = List.copyOf(newProductLines);
  }
}
