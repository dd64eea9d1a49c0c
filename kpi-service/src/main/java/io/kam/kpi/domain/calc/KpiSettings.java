package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.util.Objects;

/** The configurable inputs of the CLV formula. */
public record KpiSettings(BigDecimal grossMargin, int maxLifetimeYears) {

  public static final BigDecimal DEFAULT_GROSS_MARGIN = new BigDecimal("0.30");
  public static final int DEFAULT_MAX_LIFETIME_YEARS = 10;

  public KpiSettings {
    Objects.requireNonNull(grossMargin, "grossMargin");
    // The lifetime caps CLV when churn is ~0; below one year the cap would make no sense.
    if (maxLifetimeYears < 1) {
      throw new IllegalArgumentException("maxLifetimeYears must be >= 1: " + maxLifetimeYears);
    }
  }

  public static KpiSettings defaults() {
    return new KpiSettings(DEFAULT_GROSS_MARGIN, DEFAULT_MAX_LIFETIME_YEARS);
  }
}
