package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of scoring one account with one model.
 *
 * @param score 0..100, rounded half-up to one decimal; null when no criterion was present
 * @param computedTier the score's tier (a manual designation is applied on top, elsewhere)
 * @param coverage sum of present weights / sum of all weights, 0..1
 * @param breakdown one item per criterion of the model, in the model's order
 */
public record ScoreResult(
    BigDecimal score,
    Tier computedTier,
    AccountType type,
    DefectionRisk risk,
    List<RiskReason> reasons,
    BigDecimal coverage,
    List<BreakdownItem> breakdown) {

  public ScoreResult {
    reasons = List.copyOf(reasons);
    breakdown = List.copyOf(breakdown);
  }
}
