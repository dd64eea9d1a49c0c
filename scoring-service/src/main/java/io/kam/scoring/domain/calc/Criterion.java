package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One weighted criterion of a scoring model. {@code key} names it in breakdowns and diffs, and the
 * type rule finds {@code revenue}, {@code growth}, {@code walletHeadroom} and {@code
 * strategicAlignment} by it.
 */
public record Criterion(
    String key, ScoringInput input, BigDecimal weight, Normalization normalization) {

  public Criterion {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(weight, "weight");
    Objects.requireNonNull(normalization, "normalization");
    // A zero weight would let "present weights" sum to 0 and the score divide by it.
    if (weight.signum() <= 0) {
      throw new IllegalArgumentException("weight must be > 0");
    }
  }
}
