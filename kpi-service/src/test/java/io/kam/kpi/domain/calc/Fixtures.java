package io.kam.kpi.domain.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.YearMonth;

/** Short builders and decimal assertions so the tests read like the hand computations. */
final class Fixtures {

  private Fixtures() {}

  static YearMonth ym(String month) {
    return YearMonth.parse(month);
  }

  static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  /** Compares by value (scale ignored), as JSON numbers do. */
  static void assertDecimal(String expected, BigDecimal actual) {
    assertNotNull(actual, "expected " + expected + " but was null");
    assertEquals(
        0,
        new BigDecimal(expected).compareTo(actual),
        "expected " + expected + " but was " + actual);
  }

  static RevenueBuilder revenue() {
    return new RevenueBuilder();
  }

  static SurveyBuilder surveys() {
    return new SurveyBuilder();
  }

  static final class RevenueBuilder {
    private final RevenueHistory.Builder builder = RevenueHistory.builder();

    RevenueBuilder line(String month, String productLine, String amount) {
      builder.add(ym(month), productLine, d(amount));
      return this;
    }

    RevenueHistory build() {
      return builder.build();
    }
  }

  static final class SurveyBuilder {
    private final SurveyHistory.Builder builder = SurveyHistory.builder();

    SurveyBuilder csat(String month, int... scores) {
      for (int score : scores) {
        builder.csat(ym(month), score);
      }
      return this;
    }

    SurveyBuilder nps(String month, int... scores) {
      for (int score : scores) {
        builder.nps(ym(month), score);
      }
      return this;
    }

    SurveyHistory build() {
      return builder.build();
    }
  }
}
