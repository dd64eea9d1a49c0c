package io.kam.kpi.domain.calc;

import static io.kam.kpi.domain.calc.Fixtures.ym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

  @ParameterizedTest
  @CsvSource({
    "2026-09, MONTH, 2026-09, 2026-09",
    "2026-01, MONTH, 2026-01, 2026-01",
    "2026-Q1, QUARTER, 2026-01, 2026-03",
    "2026-Q3, QUARTER, 2026-07, 2026-09",
    "2026-Q4, QUARTER, 2026-10, 2026-12",
    "2026, YEAR, 2026-01, 2026-12"
  })
  void parsesCanonicalFormsIntoTheirMonthsAndPrintsThemBack(
      String text, Period.Kind kind, String first, String last) {
    Period period = Period.parse(text);
    assertEquals(kind, period.kind());
    assertEquals(ym(first), period.firstMonth());
    assertEquals(ym(last), period.lastMonth());
    assertEquals(text, period.toString());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "2026-13",
        "2026-00",
        "2026-Q0",
        "2026-Q5",
        "2026-q3",
        "2026-9",
        "26",
        "20261",
        " 2026",
        "2026-Q3 ",
        "2026-W01",
        "2026-09-01",
        "Q3-2026",
        "abcd"
      })
  void rejectsAnythingElseWithIllegalArgument(String text) {
    assertThrows(IllegalArgumentException.class, () -> Period.parse(text));
  }

  @Test
  void previousOfAFirstQuarterIsTheLastQuarterOfThePreviousYear() {
    assertEquals(Period.parse("2025-Q4"), Period.parse("2026-Q1").previous());
  }

  @Test
  void previousOfJanuaryIsDecemberOfThePreviousYear() {
    assertEquals(Period.parse("2025-12"), Period.parse("2026-01").previous());
  }

  @Test
  void previousOfAYearIsTheSameAsAYearAgo() {
    Period year = Period.parse("2026");
    assertEquals(Period.parse("2025"), year.previous());
    assertEquals(year.yearAgo(), year.previous());
  }

  @Test
  void yearAgoKeepsTheKindAndMovesTwelveMonthsBack() {
    assertEquals(Period.parse("2025-Q3"), Period.parse("2026-Q3").yearAgo());
    assertEquals(Period.parse("2025-02"), Period.parse("2026-02").yearAgo());
  }

  @Test
  void nextIsTheFollowingPeriodOfTheSameKind() {
    assertEquals(Period.parse("2027-Q1"), Period.parse("2026-Q4").next());
    assertEquals(Period.parse("2027-01"), Period.parse("2026-12").next());
  }

  @Test
  void monthsAndContainsCoverExactlyThePeriod() {
    Period q3 = Period.parse("2026-Q3");
    assertEquals(List.of(ym("2026-07"), ym("2026-08"), ym("2026-09")), q3.months());
    assertTrue(q3.contains(ym("2026-07")));
    assertTrue(q3.contains(ym("2026-09")));
    assertFalse(q3.contains(ym("2026-06")));
    assertFalse(q3.contains(ym("2026-10")));
    assertEquals(12, Period.parse("2026").months().size());
  }

  @Test
  void t12mIsTheTwelveMonthsEndingWithTheLastMonthWhateverTheKind() {
    assertEquals(new MonthRange(ym("2025-10"), ym("2026-09")), Period.parse("2026-Q3").t12m());
    assertEquals(new MonthRange(ym("2025-10"), ym("2026-09")), Period.parse("2026-09").t12m());
    assertEquals(new MonthRange(ym("2026-01"), ym("2026-12")), Period.parse("2026").t12m());
  }

  @Test
  void containingFindsThePeriodOfAMonth() {
    assertEquals(Period.parse("2026-Q3"), Period.containing(Period.Kind.QUARTER, ym("2026-08")));
    assertEquals(Period.parse("2026"), Period.containing(Period.Kind.YEAR, ym("2026-08")));
    assertEquals(Period.parse("2026-08"), Period.containing(Period.Kind.MONTH, ym("2026-08")));
  }

  @Test
  void ofMonthIsAMonthPeriod() {
    assertEquals(Period.parse("2026-09"), Period.ofMonth(ym("2026-09")));
  }

  @Test
  void misalignedPeriodsCannotBeConstructed() {
    assertThrows(
        IllegalArgumentException.class, () -> new Period(Period.Kind.QUARTER, ym("2026-02")));
    assertThrows(IllegalArgumentException.class, () -> new Period(Period.Kind.YEAR, ym("2026-07")));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-23T10:00:00Z, 2026-Q3",
    "2026-10-01T00:00:00Z, 2026-Q3",
    "2026-09-30T23:59:00Z, 2026-Q2",
    "2026-01-15T12:00:00Z, 2025-Q4",
    "2026-04-01T00:00:00Z, 2026-Q1"
  })
  void defaultPeriodIsTheLastQuarterThatEndedBeforeNowInUtc(String now, String expected) {
    assertEquals(Period.parse(expected), Period.defaultFor(Instant.parse(now)));
  }

  @Test
  void monthRangeBeforeIsTheSameLengthImmediatelyBefore() {
    MonthRange t12m = MonthRange.endingWith(ym("2026-09"), 12);
    assertEquals(new MonthRange(ym("2025-10"), ym("2026-09")), t12m);
    assertEquals(new MonthRange(ym("2024-10"), ym("2025-09")), t12m.before());
    assertEquals(
        new MonthRange(ym("2025-11"), ym("2026-01")),
        MonthRange.endingWith(ym("2026-04"), 3).before());
    assertEquals(12, t12m.length());
  }
}
