package io.kam.planning.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectiveProgressTest {

  @ParameterizedTest(name = "baseline {0}, target {1}, actual {2}: {3} %")
  @CsvSource({
    // target above the baseline
    "100, 200, 150, 50",
    "100, 200, 100, 0",
    "100, 200, 90, 0",
    "100, 200, 200, 100",
    "100, 200, 260, 100",
    "0, 3, 1, 33.33333333333333",
    // target below the baseline (e.g. churn down): same formula, both differences negative
    "10, 5, 7, 60",
    "10, 5, 5, 100",
    "10, 5, 2, 100",
    "10, 5, 12, 0",
    "-20, -50, -35, 50",
    // target equal to the baseline: all or nothing, 100 once actual reaches (>=) the target
    "40, 40, 40, 100",
    "40, 40, 41, 100",
    "40, 40, 39.99, 0"
  })
  void followsTheFormulaOfTheDomain(
      String baseline, String target, String actual, String expected) {
    assertThat(
        ObjectiveProgress.of(
            new BigDecimal(baseline), new BigDecimal(target), new BigDecimal(actual)),
        comparesEqualTo(new BigDecimal(expected)));
  }

  @Test
  void isUnknownWithoutAnActualValue() {
    assertThat(ObjectiveProgress.of(BigDecimal.ONE, BigDecimal.TEN, null), nullValue());
  }

  @Test
  void isCompleteOnlyAtOneHundred() {
    assertThat(
        ObjectiveProgress.isComplete(new BigDecimal("99.99999999999999")), comparesEqualTo(false));
    assertThat(ObjectiveProgress.isComplete(new BigDecimal("100")), comparesEqualTo(true));
    assertThat(ObjectiveProgress.isComplete(null), comparesEqualTo(false));
  }
}
