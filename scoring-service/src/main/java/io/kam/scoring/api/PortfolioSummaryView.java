package io.kam.scoring.api;

import io.kam.scoring.domain.Movement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /portfolio/summary: the segment's scored accounts by tier, type and risk, and what moved. */
public record PortfolioSummaryView(
    @Schema(
            description =
                "the previous month end: movements compare now with the state at this instant"
                    + " (the first instant of the current UTC month)")
        Instant since,
    @Schema(description = "scored accounts in the segment") long accounts,
    TierCounts byTier,
    TypeCounts byType,
    RiskCounts byRisk,
    Movements movements) {

  @Schema(name = "PortfolioTierCounts", description = "accounts by effective tier")
  public record TierCounts(long key, long developing, long standard) {}

  @Schema(name = "PortfolioTypeCounts")
  public record TypeCounts(long strategic, long highGrowth, long stable, long tactical) {}

  @Schema(name = "PortfolioRiskCounts")
  public record RiskCounts(long low, long medium, long high) {}

  @Schema(name = "PortfolioMovements")
  public record Movements(MovementView enteredKey, MovementView leftKey, MovementView riskRaised) {}

  /** One movement: how many, the first accounts, and where the rest are. */
  @Schema(name = "PortfolioMovement")
  public record MovementView(
      Movement kind,
      long count,
      @Schema(description = "the first accounts, by name") List<MovedAccountView> accounts,
      @Schema(
              description = "the cursor of the drill-down's next page; null: no more",
              nullable = true)
          String nextCursor,
      @Schema(description = "the drill-down of all of them (same segment)") String href) {}

  /** An account that moved: its state now and at the previous month end (null: not scored). */
  @Schema(name = "PortfolioMovedAccount")
  public record MovedAccountView(
      UUID accountId,
      @Schema(nullable = true) String name,
      @Schema(nullable = true) String ownerId,
      @Schema(nullable = true) BigDecimal score,
      String tier,
      @Schema(nullable = true) String previousTier,
      String defectionRisk,
      @Schema(nullable = true) String previousDefectionRisk) {}
}
