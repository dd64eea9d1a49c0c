package io.kam.kpi.domain.snapshot;

import io.kam.kpi.domain.calc.KpiSnapshotValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** The data of kam.kpi.snapshot.v1 (schema: resources/events/kam.kpi.snapshot.v1.schema.json). */
public record SnapshotEvent(
    UUID accountId,
    String asOfMonth,
    BigDecimal t12mRevenue,
    BigDecimal t12mGrowth,
    BigDecimal last3mGrowth,
    BigDecimal shareOfWallet,
    BigDecimal npsT12m,
    BigDecimal csatT12m,
    int crossSellCount,
    String lastRevenueMonth,
    LocalDate lastSurveyDate) {

  public static final String TOPIC = "kam.kpi.events";
  public static final String TYPE = "kam.kpi.snapshot.v1";

  public static SnapshotEvent of(UUID accountId, YearMonth asOf, Snapshot snapshot) {
    KpiSnapshotValues v = snapshot.values();
    return new SnapshotEvent(
        accountId,
        asOf.toString(),
        v.t12mRevenue(),
        v.t12mGrowth(),
        v.last3mGrowth(),
        v.shareOfWallet(),
        v.npsT12m(),
        v.csatT12m(),
        v.crossSellCount(),
        snapshot.inputs().lastRevenueMonthText(),
        snapshot.inputs().lastSurveyDate());
  }
}
