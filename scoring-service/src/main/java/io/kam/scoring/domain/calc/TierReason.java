package io.kam.scoring.domain.calc;

import java.math.BigDecimal;

/** Why an account's effective tier is what it is (docs/kpis-and-scores.md, "Tiers explained"). */
public enum TierReason {
  /** The score's own band: KEY from the key threshold, DEVELOPING, STANDARD. */
  COMPUTED,
  /** KEY below the key threshold: KEY at the last month end and still at or above keyExit. */
  HELD_BY_HYSTERESIS,
  /** A manager's KEY designation in force. */
  DESIGNATED,
  /** A manager's exclusion (designated STANDARD) in force. */
  EXCLUDED;

  /**
   * @param score the rounded score (null: no criterion present, STANDARD)
   * @param computedTier the score's tier, hysteresis included
   * @param designationTier the tier of the designation in force, null if none
   */
  public static TierReason of(
      BigDecimal score, Tier computedTier, Thresholds thresholds, Tier designationTier) {
    if (designationTier != null) {
      return designationTier == Tier.KEY ? DESIGNATED : EXCLUDED;
    }
    if (computedTier == Tier.KEY && score != null && score.compareTo(thresholds.key()) < 0) {
      return HELD_BY_HYSTERESIS;
    }
    return COMPUTED;
  }
}
