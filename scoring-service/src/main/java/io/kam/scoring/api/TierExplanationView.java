package io.kam.scoring.api;

import io.kam.scoring.domain.calc.Tier;
import io.kam.scoring.domain.calc.TierReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the effective tier is what it is (docs/kpis-and-scores.md, "Tiers explained"). */
@Schema(description = "Why the effective tier is what it is")
public record TierExplanationView(
    @Schema(description = "the effective tier") Tier tier,
    @Schema(description = "the score's tier, hysteresis included") Tier computedTier,
    @Schema(
            description =
                "the computed tier in force at the end of the previous calendar month; null: none",
            nullable = true)
        Tier monthEndTier,
    TierReason reason,
    @Schema(
            description =
                "the first day without the designation in force; null: none or open-ended",
            nullable = true)
        LocalDate designatedUntil,
    @Schema(description = "KEY from this score (the model's)") BigDecimal keyThreshold,
    @Schema(description = "an account KEY at the last month end stays KEY down to this score")
        BigDecimal holdThreshold,
    @Schema(description = "DEVELOPING from this score") BigDecimal developingThreshold) {

  /** The compact form of a ranked-list item. */
  @Schema(name = "TierExplanationBrief", description = "Why the effective tier is what it is")
  public record Brief(
      TierReason reason,
      @Schema(nullable = true) Tier monthEndTier,
      @Schema(nullable = true) LocalDate designatedUntil) {}
}
