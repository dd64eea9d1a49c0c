package io.kam.kpi.domain.calc;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An inclusive range of calendar months. Every KPI window (a period, T12M, the 3 months of
 * last3mGrowth) is one of these, so revenue and survey lookups need a single shape.
 */
public record MonthRange(YearMonth first, YearMonth last) {

  public MonthRange {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (first.isAfter(last)) {
      throw new IllegalArgumentException("range starts after it ends: " + first + ".." + last);
    }
  }

  /** The {@code length} months ending with {@code last} (e.g. T12M = endingWith(P's last, 12)). */
  public static MonthRange endingWith(YearMonth last, int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be >= 1: " + length);
    }
    return new MonthRange(last.minusMonths(length - 1L), last);
  }

  public int length() {
    return (int) first.until(last, ChronoUnit.MONTHS) + 1;
  }

  /** The range of the same length immediately before this one ("the 12 months before"). */
  public MonthRange before() {
    return endingWith(first.minusMonths(1), length());
  }

  public boolean contains(YearMonth month) {
    return !month.isBefore(first) && !month.isAfter(last);
  }

  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>(length());
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m);
    }
    return List.copyOf(months);
  }

  @Override
  public String toString() {
    return first + ".." + last;
  }
}
