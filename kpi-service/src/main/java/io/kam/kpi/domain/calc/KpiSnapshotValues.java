package io.kam.kpi.domain.calc;

import java.math.BigDecimal;

/** What scoring and planning see of an account (docs/kpis-and-scores.md, "The KPI snapshot"). */
public record KpiSnapshotValues(
    BigDecimal t12mRevenue,
    BigDecimal t12mGrowth,
    BigDecimal last3mGrowth,
    BigDecimal shareOfWallet,
    BigDecimal npsT12m,
    BigDecimal csatT12m,
    int crossSellCount) {}
