package io.kam.scoring.domain.calc;

import static io.kam.scoring.domain.calc.Decimals.assertDecimal;
import static io.kam.scoring.domain.calc.Decimals.dec;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalizationTest {

  private final Normalization growth = Normalization.linear(dec("-0.2"), dec("0.5"));
  private final Normalization assessment = Normalization.linear(dec("1"), dec("5"));
  private final Normalization nps = Normalization.linear(dec("-100"), dec("100"));
  private final Normalization revenue = Normalization.log(dec("10000"), dec("10000000"));

  @Test
  void linearIsZeroAtItsMinimumAndBelow() {
    assertDecimal("0", growth.apply(dec("-0.2")));
    assertDecimal("0", growth.apply(dec("-0.2000001")));
    assertDecimal("0", growth.apply(dec("-5")));
  }

  @Test
  void linearIsOneAtItsMaximumAndAbove() {
    assertDecimal("1", growth.apply(dec("0.5")));
    assertDecimal("1", growth.apply(dec("0.5000001")));
    assertDecimal("1", growth.apply(dec("3")));
  }

  @Test
  void linearIsProportionalInBetween() {
    // (0.15 - -0.2) / (0.5 - -0.2) = 0.35 / 0.7 = 0.5
    assertDecimal("0.5", growth.apply(dec("0.15")));
    // (4 - 1) / (5 - 1) = 3 / 4
    assertDecimal("0.75", assessment.apply(dec("4")));
    // (33.33333333 + 100) / 200 = 133.33333333 / 200, exact
    assertDecimal("0.66666666665", nps.apply(dec("33.33333333")));
  }

  @Test
  void linearKeepsSixteenSignificantDigitsOfARepeatingRatio() {
    // 0.41 / 0.7 = 0.585714285714285714...; DECIMAL64 keeps 16 digits (next digit 1: down)
    assertDecimal("0.5857142857142857", growth.apply(dec("0.21")));
  }

  @Test
  void logIsZeroAtItsMinimumAndBelow() {
    // log10 10000 = 4 exactly, so (4 - 4) / 3 = 0
    assertDecimal("0", revenue.apply(dec("10000")));
    assertDecimal("0", revenue.apply(dec("9999.9999")));
    assertDecimal("0", revenue.apply(dec("5000")));
  }

  @Test
  void logIsOneAtItsMaximumAndAbove() {
    // (7 - 4) / (7 - 4) = 1
    assertDecimal("1", revenue.apply(dec("10000000")));
    assertDecimal("1", revenue.apply(dec("10000000.0001")));
    assertDecimal("1", revenue.apply(dec("250000000")));
  }

  @Test
  void logJustAboveItsMinimumIsSlightlyPositive() {
    // (log10 10001 - 4) / 3 = log10(1.0001) / 3 ~ 0.0000434 / 3 ~ 0.0000145
    var n = revenue.apply(dec("10001"));
    assertTrue(
        n.signum() > 0 && n.compareTo(dec("0.0000145")) < 0 && n.compareTo(dec("0.0000144")) > 0,
        n::toString);
  }

  @Test
  void logOfZeroRevenueNormalizesToZero() {
    assertDecimal("0", revenue.apply(dec("0")));
    assertDecimal("0", revenue.apply(dec("0.00")));
  }

  @Test
  void logOfNegativeRevenueNormalizesToZero() {
    // a year of credit notes: no log10, and no less than the minimum either
    assertDecimal("0", revenue.apply(dec("-1500.00")));
  }

  @Test
  void logOfAPowerOfTenIsAnExactThird() {
    // (5 - 4) / 3 = 0.3333333333333333 and (6 - 4) / 3 = 0.6666666666666667 (DECIMAL64)
    assertDecimal("0.3333333333333333", revenue.apply(dec("100000")));
    assertDecimal("0.6666666666666667", revenue.apply(dec("1000000")));
  }

  @Test
  void logOfApiExampleRevenueMatchesApiMd() {
    // log10 152000 = 5.181843587944773 (double, back to decimal by its shortest string);
    // (5.181843587944773 - 4) / 3 = 1.181843587944773 / 3 = 0.39394786264825766... -> 16 digits
    assertDecimal("0.3939478626482577", revenue.apply(dec("152000.00")));
  }

  @Test
  void boundsMustBeOrderedAndLogNeedsAPositiveMinimum() {
    assertThrows(IllegalArgumentException.class, () -> Normalization.linear(dec("1"), dec("1")));
    assertThrows(IllegalArgumentException.class, () -> Normalization.linear(dec("5"), dec("1")));
    assertThrows(IllegalArgumentException.class, () -> Normalization.log(dec("0"), dec("10")));
    assertThrows(IllegalArgumentException.class, () -> Normalization.log(dec("-1"), dec("10")));
  }
}
