package io.kam.scoring.domain.calc;

import java.math.BigDecimal;

/**
 * One criterion's part in a score. For a missing input, {@code input}, {@code normalized} and
 * {@code contribution} are null (the weight is still shown, so a reader sees what is missing).
 *
 * @param contribution 100 x weight x normalized / sum of present weights, unrounded; the present
 *     contributions add up to the unrounded score
 */
public record BreakdownItem(
    String criterion,
    BigDecimal input,
    BigDecimal normalized,
    BigDecimal weight,
    BigDecimal contribution) {

  public boolean present() {
    return normalized != null;
  }
}
