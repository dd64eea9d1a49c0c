package io.kam.scoring.domain.calc;

import java.math.BigDecimal;

/** The computed tier of a rounded score, with the KEY hysteresis of docs/kpis-and-scores.md. */
public final class TierRule {

  private TierRule() {}

  /**
   * @param score the rounded score; null when no criterion was present, which is STANDARD
   * @param previousMonthEndTier the computed tier at the end of the previous calendar month, null
   *     if none. Taking the month-end tier (not the latest one) makes the result independent of the
   *     order in which data arrived within the month.
   */
  public static Tier computedTier(
      BigDecimal score, Thresholds thresholds, Tier previousMonthEndTier) {
    if (score == null) {
      return Tier.STANDARD;
    }
    if (score.compareTo(thresholds.key()) >= 0) {
      return Tier.KEY;
    }
    if (previousMonthEndTier == Tier.KEY && score.compareTo(thresholds.keyExit()) >= 0) {
      return Tier.KEY;
    }
    if (score.compareTo(thresholds.developing()) >= 0) {
      return Tier.DEVELOPING;
    }
    return Tier.STANDARD;
  }
}
