package io.kam.kpi.domain.calc;

import static io.kam.kpi.domain.calc.Fixtures.assertDecimal;
import static io.kam.kpi.domain.calc.Fixtures.surveys;
import static io.kam.kpi.domain.calc.Fixtures.ym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurveyCountsTest {

  @Test
  void csatIsTheShareOfScoresOfFourOrMoreOnAHundredScale() {
    SurveyCounts counts =
        surveys().csat("2026-07", 5, 4, 3).build().counts(Period.parse("2026-Q3"));
    // 100 x 2 / 3 = 66.666... -> 16 significant digits, HALF_EVEN
    assertDecimal("66.66666666666667", counts.csat());
    assertEquals(16, counts.csat().precision());
  }

  @Test
  void npsIsPromotersMinusDetractorsOnAHundredScale() {
    // 10, 9 promoters; 8, 7 passives; 6, 0 detractors -> 100 x (2 - 2) / 6 = 0
    SurveyCounts balanced =
        surveys().nps("2026-07", 10, 9, 8, 7, 6, 0).build().counts(Period.parse("2026-07"));
    assertDecimal("0", balanced.nps());
    // 6, 5 detractors; 9 promoter -> 100 x (1 - 2) / 3 = -33.333...
    SurveyCounts negative =
        surveys().nps("2026-07", 6, 5, 9).build().counts(Period.parse("2026-07"));
    assertDecimal("-33.33333333333333", negative.nps());
  }

  @Test
  void noResponsesGiveNullNotZero() {
    assertNull(SurveyCounts.EMPTY.csat());
    assertNull(SurveyCounts.EMPTY.nps());
    SurveyCounts onlyNps = surveys().nps("2026-07", 10).build().counts(Period.parse("2026-07"));
    assertNull(onlyNps.csat());
    assertDecimal("100", onlyNps.nps());
  }

  @Test
  void responsesBelongToTheMonthOfTheirUtcDate() {
    SurveyHistory history =
        SurveyHistory.builder()
            .csat(Instant.parse("2026-09-30T23:59:59Z"), 5)
            .csat(Instant.parse("2026-10-01T00:00:00Z"), 1)
            .build();
    assertEquals(new SurveyCounts(1, 1, 0, 0, 0), history.counts(Period.parse("2026-09")));
    assertEquals(new SurveyCounts(1, 0, 0, 0, 0), history.counts(Period.parse("2026-10")));
  }

  @Test
  void pooledSurveyHistoriesAddTheirCounts() {
    SurveyHistory a = surveys().csat("2026-07", 5).nps("2026-08", 9).build();
    SurveyHistory b = surveys().csat("2026-07", 1).nps("2026-08", 3).build();
    assertEquals(
        new SurveyCounts(2, 1, 2, 1, 1),
        SurveyHistory.pooled(java.util.List.of(a, b)).counts(Period.parse("2026-Q3")));
  }

  @Test
  void scoresOutOfRangeAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> SurveyCounts.ofCsatScore(0));
    assertThrows(IllegalArgumentException.class, () -> SurveyCounts.ofCsatScore(6));
    assertThrows(IllegalArgumentException.class, () -> SurveyCounts.ofNpsScore(-1));
    assertThrows(IllegalArgumentException.class, () -> SurveyCounts.ofNpsScore(11));
    assertThrows(IllegalArgumentException.class, () -> new SurveyCounts(1, 2, 0, 0, 0));
    assertThrows(
        IllegalArgumentException.class, () -> SurveyHistory.builder().csat(ym("2026-07"), 0));
  }
}
