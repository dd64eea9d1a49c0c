package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Objects;

/**
 * The figures behind an account type (DOMAIN.md): value = normalized {@code revenue} (0 when
 * missing), potential = unweighted mean of the present normalized {@code growth}, {@code
 * walletHeadroom}, {@code strategicAlignment} (0 if none), each compared with 0.5 unrounded. The
 * normalized inputs are null when missing.
 */
public record TypeFigures(
    BigDecimal value,
    BigDecimal potential,
    BigDecimal threshold,
    BigDecimal revenue,
    BigDecimal growth,
    BigDecimal walletHeadroom,
    BigDecimal strategicAlignment) {

  private static final BigDecimal HALF = new BigDecimal("0.5");

  /** The figures of a breakdown's normalized values by criterion key (missing: absent or null). */
  public static TypeFigures of(Map<String, BigDecimal> normalizedByKey) {
    BigDecimal revenue = normalizedByKey.get(AccountTypeRule.VALUE_KEY);
    var present =
        AccountTypeRule.POTENTIAL_KEYS.stream()
            .map(normalizedByKey::get)
            .filter(Objects::nonNull)
            .toList();
    BigDecimal potential =
        present.isEmpty()
            ? BigDecimal.ZERO
            : present.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(present.size()), MathContext.DECIMAL128);
    return new TypeFigures(
        revenue == null ? BigDecimal.ZERO : revenue,
        potential,
        HALF,
        revenue,
        normalizedByKey.get("growth"),
        normalizedByKey.get("walletHeadroom"),
        normalizedByKey.get("strategicAlignment"));
  }
}
