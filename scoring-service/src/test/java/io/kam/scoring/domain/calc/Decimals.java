package io.kam.scoring.domain.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;

/** BigDecimal assertions by value (compareTo), so 0.5 equals 0.50 and 1 equals 1.00. */
final class Decimals {

  private Decimals() {}

  static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  static void assertDecimal(String expected, BigDecimal actual) {
    assertNotNull(actual, "expected " + expected + " but was null");
    assertEquals(
        0, dec(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }
}
