package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding of the score (docs/kpis-and-scores.md): to 10 decimals HALF_EVEN, then half-up
 * to one.
 */
public final class ScoreRounding {

  private ScoreRounding() {}

  /**
   * Rounds a raw score. The first step absorbs the representation error of 16-digit decimal
   * arithmetic (a sum that is 72.45 on paper may come out as 72.44999999999999), so that the
   * half-up step sees the tie it was meant to see and the published score does not depend on how
   * the ratio happened to be represented.
   */
  public static BigDecimal round(BigDecimal rawScore) {
    return rawScore.setScale(10, RoundingMode.HALF_EVEN).setScale(1, RoundingMode.HALF_UP);
  }
}
