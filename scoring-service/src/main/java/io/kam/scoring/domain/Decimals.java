package io.kam.scoring.domain;

import java.math.BigDecimal;

/** Decimals as clients read them: never in exponent notation (1E+1 is written 10). */
public final class Decimals {

  private Decimals() {}

  public static BigDecimal plain(BigDecimal value) {
    return value == null || value.scale() >= 0 ? value : value.setScale(0);
  }
}
