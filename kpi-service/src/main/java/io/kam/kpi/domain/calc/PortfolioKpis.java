package io.kam.kpi.domain.calc;

import java.math.BigDecimal;

/** Portfolio KPIs for one period, field for field the API shape. */
public record PortfolioKpis(
    String period,
    BigDecimal totalRevenue,
    BigDecimal revenueGrowth,
    BigDecimal yoyGrowth,
    int activeAccounts,
    int newAccounts,
    int churnedAccounts,
    BigDecimal retentionRate,
    BigDecimal grr,
    BigDecimal nrr,
    BigDecimal csat,
    BigDecimal nps,
    BigDecimal top20Share,
    BigDecimal hhi,
    BigDecimal crossSellRate) {}
