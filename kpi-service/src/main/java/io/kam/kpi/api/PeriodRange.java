package io.kam.kpi.api;

import io.kam.chassis.input.QueryParams;
import io.kam.kpi.domain.calc.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The {@code from}, {@code to} and {@code granularity} of a timeseries: months (default the last 12
 * complete ones) and the kind of period; the periods are those containing from..to.
 */
record PeriodRange(Period.Kind kind, YearMonth from, YearMonth to) {

  static PeriodRange of(String from, String to, String granularity, YearMonth lastComplete) {
    YearMonth end = QueryParams.month("to", to, lastComplete);
    YearMonth start = QueryParams.month("from", from, end.minusMonths(11));
    if (start.isAfter(end)) {
      throw QueryParams.bad("from", "must not be after to");
    }
    Period.Kind kind = kind(granularity);
    return new PeriodRange(kind, start, end);
  }

  Period first() {
    return Period.containing(kind, from);
  }

  Period last() {
    return Period.containing(kind, to);
  }

  /** Months from..to, both included. */
  long months() {
    return from.until(to, ChronoUnit.MONTHS) + 1;
  }

  /** How many periods the range holds. */
  long periods() {
    return first().firstMonth().until(last().firstMonth(), ChronoUnit.MONTHS) / kind.months() + 1;
  }

  static Period.Kind kind(String raw) {
    if (raw == null || raw.isBlank()) {
      return Period.Kind.MONTH;
    }
    try {
      return Period.Kind.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw QueryParams.bad("granularity", "must be MONTH, QUARTER or YEAR");
    }
  }
}
