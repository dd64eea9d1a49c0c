package io.kam.planning.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * docs/kpis-and-scores.md: progress = clamp((actual - baseline) / (target - baseline), 0, 1) x 100,
 * in decimal with 16 significant digits, unrounded otherwise. A target below the baseline needs no
 * special case: both differences change sign. A target equal to the baseline has no distance to
 * cover, so progress is all or nothing: 100 once actual >= target, 0 below it ("reaching" the
 * target means attaining at least it, as for any goal to hold a level).
 */
public final class ObjectiveProgress {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ObjectiveProgress() {}

  /** null when any input is missing. */
  public static BigDecimal of(BigDecimal baseline, BigDecimal target, BigDecimal actual) {
    if (baseline == null || target == null || actual == null) {
      return null;
    }
    BigDecimal span = target.subtract(baseline);
    if (span.signum() == 0) {
      return actual.compareTo(target) >= 0 ? HUNDRED : BigDecimal.ZERO;
    }
    BigDecimal ratio = actual.subtract(baseline).divide(span, MathContext.DECIMAL64);
    if (ratio.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    if (ratio.compareTo(BigDecimal.ONE) >= 0) {
      return HUNDRED;
    }
    return ratio.multiply(HUNDRED);
  }

  public static boolean isComplete(BigDecimal progress) {
    return progress != null && progress.compareTo(HUNDRED) >= 0;
  }
}
