package io.kam.scoring.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The KPIs a score is computed from (kam.kpi.snapshot.v1 payload; exact decimals, null when
 * unknown), and the freshness of what they were computed from: {@code lastRevenueMonth} ("YYYY-MM")
 * and {@code lastSurveyDate}, optional, null when none or from an older producer.
 */
public record KpiSnapshot(
    String asOfMonth,
    BigDecimal t12mRevenue,
    BigDecimal t12mGrowth,
    BigDecimal last3mGrowth,
    BigDecimal shareOfWallet,
    BigDecimal npsT12m,
    BigDecimal csatT12m,
    Integer crossSellCount,
    String lastRevenueMonth,
    LocalDate lastSurveyDate) {}
