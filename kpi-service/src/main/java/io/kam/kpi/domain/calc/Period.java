package io.kam.kpi.domain.calc;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period: a month ({@code 2026-09}), a quarter ({@code 2026-Q3}) or a year ({@code
 * 2026}). Represented by its kind and first month so that every navigation (P-1, P-Y, the period
 * containing a month) is plain month arithmetic.
 */
public record Period(Kind kind, YearMonth firstMonth) {

  public enum Kind {
    MONTH(1),
    QUARTER(3),
    YEAR(12);

    private final int months;

    Kind(int months) {
      this.months = months;
    }

    public int months() {
      return months;
    }
  }

  // \d is ASCII-only in Java without UNICODE_CHARACTER_CLASS, so no exotic digits get through.
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  public Period {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(firstMonth, "firstMonth");
    // Only aligned periods exist: a quarter starts in Jan/Apr/Jul/Oct, a year in January.
    if ((firstMonth.getMonthValue() - 1) % kind.months() != 0) {
      throw new IllegalArgumentException(kind + " cannot start in " + firstMonth);
    }
  }

  /** Parses the canonical forms only; anything else is an IllegalArgumentException. */
  public static Period parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("period is required");
    }
    Matcher m;
    if ((m = YEAR.matcher(text)).matches()) {
      return ofYear(Integer.parseInt(m.group(1)));
    }
    if ((m = QUARTER.matcher(text)).matches()) {
      return ofQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    if ((m = MONTH.matcher(text)).matches()) {
      int month = Integer.parseInt(m.group(2));
      if (month >= 1 && month <= 12) {
        return ofMonth(YearMonth.of(Integer.parseInt(m.group(1)), month));
      }
    }
    throw new IllegalArgumentException(
        "period must look like 2026-09, 2026-Q3 or 2026, was: " + text);
  }

  public static Period ofMonth(YearMonth month) {
    return new Period(Kind.MONTH, month);
  }

  public static Period ofQuarter(int year, int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter must be 1..4: " + quarter);
    }
    return new Period(Kind.QUARTER, YearMonth.of(year, quarter * 3 - 2));
  }

  public static Period ofYear(int year) {
    return new Period(Kind.YEAR, YearMonth.of(year, 1));
  }

  /** The period of the given kind that contains {@code month}. */
  public static Period containing(Kind kind, YearMonth month) {
    int startMonth = (month.getMonthValue() - 1) / kind.months() * kind.months() + 1;
    return new Period(kind, YearMonth.of(month.getYear(), startMonth));
  }

  /**
   * The last calendar quarter that ended before {@code now} (UTC): the quarter before the one
   * containing now. A quarter ends at the first instant of the next one, so at 2026-10-01T00:00Z Q3
   * has ended.
   */
  public static Period defaultFor(Instant now) {
    YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
    return containing(Kind.QUARTER, current).previous();
  }

  public int year() {
    return firstMonth.getYear();
  }

  public YearMonth lastMonth() {
    return firstMonth.plusMonths(kind.months() - 1L);
  }

  public MonthRange range() {
    return new MonthRange(firstMonth, lastMonth());
  }

  public List<YearMonth> months() {
    return range().months();
  }

  public boolean contains(YearMonth month) {
    return range().contains(month);
  }

  /** P-1: the previous calendar period of the same kind (for a year this equals P-Y). */
  public Period previous() {
    return new Period(kind, firstMonth.minusMonths(kind.months()));
  }

  public Period next() {
    return new Period(kind, firstMonth.plusMonths(kind.months()));
  }

  /** P-Y: the same period one year earlier. */
  public Period yearAgo() {
    return new Period(kind, firstMonth.minusYears(1));
  }

  /** T12M: the 12 calendar months ending with this period's last month, whatever its kind. */
  public MonthRange t12m() {
    return MonthRange.endingWith(lastMonth(), 12);
  }

  /** The canonical form that {@link #parse} accepts. */
  @Override
  public String toString() {
    String year = String.format(Locale.ROOT, "%04d", year());
    return switch (kind) {
      case MONTH -> year + String.format(Locale.ROOT, "-%02d", firstMonth.getMonthValue());
      case QUARTER -> year + "-Q" + ((firstMonth.getMonthValue() + 2) / 3);
      case YEAR -> year;
    };
  }
}
