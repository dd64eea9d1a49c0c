package io.kam.account.domain;

import java.math.BigDecimal;

/** Exact decimals with one canonical form: no trailing zeros, never an exponent. */
public final class Money {

  private Money() {}

  public static BigDecimal canonical(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
