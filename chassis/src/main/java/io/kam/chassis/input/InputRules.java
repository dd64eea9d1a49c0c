package io.kam.chassis.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * What any text or date a client sends must satisfy before it reaches the database: PostgreSQL
 * cannot store a NUL character in text (and an unpaired surrogate is not UTF-8 at all), and its
 * date types, like every consumer of our events, are only sane for the years 1..9999. Used by the
 * JSON module (bodies) and the parameter filter (query and path), so both answer alike.
 */
public final class InputRules {

  /** The bound of any string field that declares none itself (documented as maxLength too). */
  public static final int MAX_STRING_LENGTH = 10_000;

  /** The bound of any query or path parameter that declares none itself. */
  public static final int MAX_PARAM_LENGTH = 2_000;

  /**
   * The bound of {@code accountIds}, the batch reads' list of up to 500 comma-separated UUIDs (36
   * characters and a comma each): longer than any other parameter by contract.
   */
  public static final int MAX_ID_LIST_LENGTH = 500 * 37;

  /** The bound of the query or path parameter {@code name}. */
  public static int maxParamLength(String name) {
    return "accountIds".equals(name) ? MAX_ID_LIST_LENGTH : MAX_PARAM_LENGTH;
  }

  /** The bound of any array in a request body that declares none itself. */
  public static final int MAX_ITEMS = 10_000;

  public static final int MIN_YEAR = 1;
  public static final int MAX_YEAR = 9999;
  public static final String BAD_CHARACTER =
      "contains a character that cannot be stored (NUL or an unpaired surrogate)";
  public static final String DATE_RANGE =
      "must be a date between the years " + MIN_YEAR + " and " + MAX_YEAR;

  private InputRules() {}

  /** Why {@code text} cannot be accepted, or null when it can. */
  public static String checkText(String text, int maxLength) {
    if (text == null) {
      return null;
    }
    if (text.length() > maxLength) {
      return "must be at most " + maxLength + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        return BAD_CHARACTER;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return BAD_CHARACTER;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return BAD_CHARACTER;
      }
    }
    return null;
  }

  /** Why a date or time value cannot be accepted, or null when it can (or is not a date). */
  public static String checkTemporal(Object value) {
    Integer year = yearOf(value);
    return year == null || (year >= MIN_YEAR && year <= MAX_YEAR) ? null : DATE_RANGE;
  }

  private static Integer yearOf(Object value) {
    if (value instanceof LocalDate d) {
      return d.getYear();
    }
    if (value instanceof Instant i) {
      // Instant covers years far beyond what atOffset accepts: compare seconds first.
      if (i.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
          || !i.isBefore(Instant.parse("+10000-01-01T00:00:00Z"))) {
        return Integer.MIN_VALUE;
      }
      return i.atOffset(ZoneOffset.UTC).getYear();
    }
    if (value instanceof OffsetDateTime o) {
      return o.getYear();
    }
    if (value instanceof ZonedDateTime z) {
      return z.getYear();
    }
    if (value instanceof LocalDateTime l) {
      return l.getYear();
    }
    if (value instanceof YearMonth ym) {
      return ym.getYear();
    }
    if (value instanceof Year y) {
      return y.getValue();
    }
    return null;
  }
}
