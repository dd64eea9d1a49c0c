package io.kam.scoring.api;

import io.kam.scoring.domain.calc.AccountType;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The figures behind the account type: STRATEGIC (value and potential >= 0.5), STABLE (value only),
 * HIGH_GROWTH (potential only), TACTICAL (neither), compared unrounded.
 */
@Schema(description = "The value and potential behind the account type")
public record TypeExplanationView(
    AccountType type,
    @Schema(description = "normalized revenue, 0 when missing") BigDecimal value,
    @Schema(
            description =
                "unweighted mean of the present normalized growth, walletHeadroom and"
                    + " strategicAlignment, 0 when none")
        BigDecimal potential,
    @Schema(description = "value >= this is high value") BigDecimal valueThreshold,
    @Schema(description = "potential >= this is high potential") BigDecimal potentialThreshold,
    Inputs inputs) {

  /** The normalized criteria (0..1) the figures come from; null when missing. */
  @Schema(name = "TypeExplanationInputs")
  public record Inputs(
      @Schema(nullable = true) BigDecimal revenue,
      @Schema(nullable = true) BigDecimal growth,
      @Schema(nullable = true) BigDecimal walletHeadroom,
      @Schema(nullable = true) BigDecimal strategicAlignment) {}
}
