package io.kam.kpi.api;

import io.kam.kpi.domain.calc.Freshness;
import io.kam.kpi.domain.calc.KpiSnapshotValues;
import io.kam.kpi.domain.snapshot.SnapshotReading;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * GET /api/v1/accounts/{id}/kpis/snapshot: the fields of kam.kpi.snapshot.v1 plus the freshness of
 * its inputs.
 */
@Schema(name = "KpiSnapshot", description = "An account's KPI snapshot as of a complete month")
public record KpiSnapshotView(
    UUID accountId,
    @Schema(pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$", maxLength = 7) String asOfMonth,
    @Schema(description = "net revenue of the 12 months ending with asOfMonth")
        BigDecimal t12mRevenue,
    @Schema(nullable = true) BigDecimal t12mGrowth,
    @Schema(nullable = true) BigDecimal last3mGrowth,
    @Schema(nullable = true) BigDecimal shareOfWallet,
    @Schema(nullable = true, minimum = "-100", maximum = "100") BigDecimal npsT12m,
    @Schema(nullable = true, minimum = "0", maximum = "100") BigDecimal csatT12m,
    @Schema(minimum = "0", maximum = "2147483647") int crossSellCount,
    @Schema(
            pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$",
            nullable = true,
            maxLength = 7,
            description = "latest month up to asOfMonth with a non-voided revenue line")
        String lastRevenueMonth,
    @Schema(nullable = true, description = "latest survey response date up to asOfMonth's end")
        LocalDate lastSurveyDate,
    Freshness freshness,
    @Schema(
            nullable = true,
            description =
                "when this snapshot was published; null for one computed as of an earlier month")
        Instant publishedAt) {

  static KpiSnapshotView of(SnapshotReading r) {
    KpiSnapshotValues v = r.values();
    return new KpiSnapshotView(
        r.accountId(),
        r.asOfMonth().toString(),
        v.t12mRevenue(),
        v.t12mGrowth(),
        v.last3mGrowth(),
        v.shareOfWallet(),
        v.npsT12m(),
        v.csatT12m(),
        v.crossSellCount(),
        r.inputs().lastRevenueMonthText(),
        r.inputs().lastSurveyDate(),
        r.freshness(),
        r.publishedAt());
  }
}
