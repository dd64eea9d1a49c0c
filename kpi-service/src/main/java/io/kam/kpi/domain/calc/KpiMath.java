package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The few arithmetic rules every KPI shares: money stays exact, every division is done once, at the
 * end, in DECIMAL64 (16 significant digits, HALF_EVEN), and a division by a value the null rules
 * exclude yields null instead of failing.
 */
public final class KpiMath {

  public static final MathContext MC = MathContext.DECIMAL64;
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private KpiMath() {}

  /** (current - base) / base; null when base <= 0 (growth from nothing is undefined). */
  public static BigDecimal growth(BigDecimal current, BigDecimal base) {
    if (base.signum() <= 0) {
      return null;
    }
    return plain(current.subtract(base).divide(base, MC));
  }

  /** numerator / denominator; null when the denominator is 0. */
  public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    if (denominator == null || denominator.signum() == 0) {
      return null;
    }
    return plain(numerator.divide(denominator, MC));
  }

  /** 100 x numerator / denominator for counts; null when there is nothing to count. */
  public static BigDecimal percent(long numerator, long denominator) {
    if (denominator == 0) {
      return null;
    }
    // 100 x n is exact on longs, so the single division is the only rounding.
    return plain(
        BigDecimal.valueOf(Math.multiplyExact(100L, numerator))
            .divide(BigDecimal.valueOf(denominator), MC));
  }

  /**
   * An exact quotient may come back with a negative scale (0.00 / 100.0000 is 0E+2), which
   * serializes as exponent notation; scale 0 is the same value, written plainly. Trailing zeros of
   * positive scales are kept.
   */
  static BigDecimal plain(BigDecimal value) {
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  public static BigDecimal positivePart(BigDecimal value) {
    return value.signum() < 0 ? BigDecimal.ZERO : value;
  }
}
