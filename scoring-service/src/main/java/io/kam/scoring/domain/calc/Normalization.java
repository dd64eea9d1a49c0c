package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * Maps a criterion's raw input onto 0..1 (docs/kpis-and-scores.md, "Scoring"). Bounds are in the
 * input's own units. The invariants are checked here too, not only in {@link ModelValidator}, so
 * that a division by zero or a log of a non-positive bound can never happen while scoring.
 */
public record Normalization(Kind kind, BigDecimal min, BigDecimal max) {

  /**
   * Ratios are computed with 16 significant digits, HALF_EVEN (docs/kpis-and-scores.md, "Numbers").
   */
  static final MathContext MC = MathContext.DECIMAL64;

  public enum Kind {
    /** clamp((x - min) / (max - min), 0, 1). */
    LINEAR,
    /** clamp((log10 x - log10 min) / (log10 max - log10 min), 0, 1); x <= 0 gives 0. */
    LOG
  }

  public Normalization {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.compareTo(max) >= 0) {
      throw new IllegalArgumentException("min must be < max");
    }
    if (kind == Kind.LOG && min.signum() <= 0) {
      throw new IllegalArgumentException("LOG needs min > 0");
    }
  }

  public static Normalization linear(BigDecimal min, BigDecimal max) {
    return new Normalization(Kind.LINEAR, min, max);
  }

  public static Normalization log(BigDecimal min, BigDecimal max) {
    return new Normalization(Kind.LOG, min, max);
  }

  /** The normalized value of {@code x}, in 0..1, unrounded beyond DECIMAL64. */
  public BigDecimal apply(BigDecimal x) {
    Objects.requireNonNull(x, "x");
    return switch (kind) {
      case LINEAR -> clamp(x.subtract(min).divide(max.subtract(min), MC));
      case LOG -> x.signum() <= 0 ? BigDecimal.ZERO : clamp(logPosition(x));
    };
  }

  private BigDecimal logPosition(BigDecimal x) {
    // docs/kpis-and-scores.md allows double precision for log10 only; each logarithm goes straight
    // back to
    // decimal (via its shortest exact string) so the rest is the same decimal arithmetic as LINEAR.
    // Math.log10 is exact for powers of ten, so default bounds like 10 000 give exactly 4.
    BigDecimal logX = log10(x);
    BigDecimal logMin = log10(min);
    return logX.subtract(logMin).divide(log10(max).subtract(logMin), MC);
  }

  private static BigDecimal log10(BigDecimal positive) {
    return BigDecimal.valueOf(Math.log10(positive.doubleValue()));
  }

  private static BigDecimal clamp(BigDecimal value) {
    if (value.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    return value.compareTo(BigDecimal.ONE) >= 0 ? BigDecimal.ONE : value;
  }
}
