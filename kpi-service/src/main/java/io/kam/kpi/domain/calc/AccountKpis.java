package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    BigDecimal clv,
    @Schema(
            pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$",
            nullable = true,
            maxLength = 7,
            description = "latest month with a non-voided revenue line (any date); null when none")
        String lastRevenueMonth,
    @Schema(nullable = true, description = "UTC date of the latest non-voided survey response")
        LocalDate lastSurveyDate,
    Freshness freshness) {

  public AccountKpis {
    newProductLines = List.copyOf(newProductLines);
  }

  /** These KPIs with the freshness of the account's inputs (the calculator leaves it null). */
  public AccountKpis withFreshness(Freshness f) {
    return new AccountKpis(
        accountId,
        period,
        revenue,
        revenueGrowth,
        yoyGrowth,
        t12mRevenue,
        t12mGrowth,
        last3mGrowth,
        csat,
        nps,
        csatT12m,
        npsT12m,
        newProductLines,
        crossSellCount,
        upsellRevenue,
        shareOfWallet,
        clv,
        f.lastRevenueMonth(),
        f.lastSurveyDate(),
        f);
  }
}
