package io.kam.scoring.domain;

import java.math.BigDecimal;

/**
 * The KPIs a score is computed from (kam.kpi.snapshot.v1 payload; exact decimals, null when
 * unknown).
 */
public record KpiSnapshot(
    String asOfMonth,
    BigDecimal t12mRevenue,
    BigDecimal t12mGrowth,
    BigDecimal last3mGrowth,
    BigDecimal shareOfWallet,
    BigDecimal npsT12m,
    BigDecimal csatT12m,
    Integer crossSellCount) {}
