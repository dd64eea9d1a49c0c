package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Tier thresholds on the rounded score: KEY from {@code key}; an account that was KEY at the end of
 * the previous month keeps KEY down to {@code keyExit} (hysteresis); DEVELOPING from {@code
 * developing}.
 */
public record Thresholds(BigDecimal key, BigDecimal keyExit, BigDecimal developing) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public Thresholds {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(keyExit, "keyExit");
    Objects.requireNonNull(developing, "developing");
    if (developing.signum() < 0 || key.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("thresholds must be within 0..100");
    }
    // developing < keyExit keeps a KEY account that drops below keyExit out of the KEY band;
    // keyExit <= key makes the hysteresis only ever extend KEY, never shorten it.
    if (developing.compareTo(keyExit) >= 0 || keyExit.compareTo(key) > 0) {
      throw new IllegalArgumentException("thresholds must be ordered developing < keyExit <= key");
    }
  }

  /** 70 / 65 / 50, the thresholds of docs/kpis-and-scores.md. */
  public static Thresholds defaults() {
    return new Thresholds(BigDecimal.valueOf(70), BigDecimal.valueOf(65), BigDecimal.valueOf(50));
  }
}
