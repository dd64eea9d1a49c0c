package io.kam.kpi.domain.calc;

import static io.kam.kpi.domain.calc.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KpiMathTest {

  @Test
  void growthIsNullWhenTheBaseIsZeroOrNegative() {
    assertNull(KpiMath.growth(d("10"), d("0")));
    assertNull(KpiMath.growth(d("10"), d("0.0000")));
    assertNull(KpiMath.growth(d("10"), d("-1")));
  }

  @Test
  void divisionsRoundToSixteenSignificantDigitsHalfEven() {
    // 2/3 = 0.6666666666666666|67 -> ...667
    assertEquals("0.6666666666666667", KpiMath.ratio(d("2"), d("3")).toString());
    // 1/16 = 0.0625 terminates: no padding, no rounding
    assertEquals("0.0625", KpiMath.ratio(d("1"), d("16")).toString());
    // 100 x 1/6 = 16.666... -> 16 digits
    assertEquals("16.66666666666667", KpiMath.percent(1, 6).toString());
  }

  @Test
  void exactQuotientsAreWrittenWithoutExponent() {
    // 0.00 / 1300.0000 would be 0E+2, 2490.00 / 0.0025 would be 9.96E+5
    assertEquals("0", KpiMath.growth(d("1300.00"), d("1300.0000")).toString());
    assertEquals("996000", KpiMath.ratio(d("2490.00"), d("0.0025")).toString());
    assertEquals(
        "1000", new RevenueEntry(Fixtures.ym("2026-01"), "X", d("1E+3")).amount().toString());
  }
}
