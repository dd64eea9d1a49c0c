package io.kam.kpi.api;

import io.kam.kpi.domain.account.AccountRow;
import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.calc.PortfolioSets;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /api/v1/portfolio/kpis/accounts: one page of the accounts behind a portfolio count. */
@Schema(name = "PortfolioAccounts")
public record PortfolioAccountsPage(
    String period,
    @Schema(enumeration = {"ACTIVE", "NEW", "CHURNED", "TOP20"}) String metric,
    @Schema(
            minimum = "0",
            maximum = "2147483647",
            description = "the size of the whole set: the count GET /api/v1/portfolio/kpis shows")
        int total,
    @Schema(maxItems = 500) List<Item> items,
    @Schema(nullable = true, description = "null on the last page") String nextCursor) {

  /** One account of the set. */
  @Schema(name = "PortfolioAccount")
  public record Item(
      UUID accountId,
      @Schema(nullable = true, description = "null until the account's next event names it")
          String name,
      @Schema(nullable = true) String ownerId,
      @Schema(description = "rev(a,P); for CHURNED rev(a,P-1), the revenue that was lost")
          BigDecimal revenue,
      @Schema(description = "the period revenue is of: P, or P-1 for CHURNED")
          String revenuePeriod) {

    static Item of(PortfolioSets.Member m, AccountRow row, Period p, PortfolioSets.Metric metric) {
      Period of = metric == PortfolioSets.Metric.CHURNED ? p.previous() : p;
      return new Item(
          m.accountId(),
          row == null ? null : row.name(),
          row == null ? null : row.ownerId(),
          m.revenue(),
          of.toString());
    }
  }
}
