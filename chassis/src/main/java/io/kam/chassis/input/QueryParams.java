package io.kam.chassis.input;

import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Query and path parameters read strictly: JAX-RS hands them over as strings, and a malformed one
 * is a 400 naming the parameter (never a 404 or a 500). An absent or blank optional parameter is
 * {@code null} (or the fallback given).
 */
public final class QueryParams {

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  private QueryParams() {}

  /** The 400 for parameter {@code name}. */
  public static ProblemException bad(String name, String message) {
    return new ProblemException(
        400,
        "Bad request",
        name + ": " + message,
        List.of(new Problem.FieldError(name, message)),
        Map.of());
  }

  /** A UUID in its canonical form (36 characters), or null when absent. */
  public static UUID uuid(String name, String raw) {
    if (isAbsent(raw)) {
      return null;
    }
    try {
      UUID id = UUID.fromString(raw.trim());
      if (id.toString().equalsIgnoreCase(raw.trim())) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw bad(name, "must be a UUID");
  }

  /** A required UUID, e.g. a path id: absent or malformed is a 400 naming it. */
  public static UUID requiredUuid(String name, String raw) {
    UUID id = uuid(name, raw);
    if (id == null) {
      throw bad(name, "must be a UUID");
    }
    return id;
  }

  /** A whole number, or null when absent; {@code what} says what it must be in the 400. */
  public static Long longValue(String name, String raw, String what) {
    if (isAbsent(raw)) {
      return null;
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw bad(name, "must be " + what);
    }
  }

  /** true, false, or null when absent. */
  public static Boolean optionalBool(String name, String raw) {
    if (isAbsent(raw)) {
      return null;
    }
    return switch (raw.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(name, "must be true or false");
    };
  }

  /** true or false; absent is false. */
  public static boolean bool(String name, String raw) {
    return Boolean.TRUE.equals(optionalBool(name, raw));
  }

  /** A constant of {@code type} by its exact name, or null when absent. */
  public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
    if (isAbsent(raw)) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.trim());
    } catch (IllegalArgumentException e) {
      throw bad(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** {@code raw} when it is one of {@code allowed}, or null when absent. */
  public static String oneOf(String name, String raw, Collection<String> allowed) {
    if (isAbsent(raw)) {
      return null;
    }
    if (!allowed.contains(raw)) {
      throw bad(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return raw;
  }

  /** An ISO-8601 UTC timestamp within the years 1..9999, or null when absent. */
  public static Instant instant(String name, String raw) {
    if (isAbsent(raw)) {
      return null;
    }
    Instant at;
    try {
      at = Instant.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw bad(name, "must be an ISO-8601 UTC timestamp, e.g. 2026-10-01T00:00:00Z");
    }
    return inRange(name, at);
  }

  /** A date like 2026-09-30 within the years 1..9999, or null when absent. */
  public static LocalDate date(String name, String raw) {
    if (isAbsent(raw)) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw bad(name, "must be a date like 2026-09-30");
    }
    return inRange(name, date);
  }

  /** A month like 2026-09 within the years 1..9999, or {@code fallback} when absent. */
  public static YearMonth month(String name, String raw, YearMonth fallback) {
    if (isAbsent(raw)) {
      return fallback;
    }
    try {
      if (MONTH.matcher(raw.trim()).matches()) {
        YearMonth month = YearMonth.parse(raw.trim());
        if (InputRules.checkTemporal(month) == null) {
          return month;
        }
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw bad(name, "must be a month like 2026-09");
  }

  /**
   * A value of a type of the caller's own ({@code parser} throws IllegalArgumentException or
   * DateTimeException on a bad one), or {@code fallback} when absent.
   */
  public static <T> T parsed(
      String name, String raw, T fallback, Function<String, T> parser, String expected) {
    if (isAbsent(raw)) {
      return fallback;
    }
    try {
      return parser.apply(raw.trim());
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw bad(name, expected);
    }
  }

  /** A free-text filter, or null when absent or blank. */
  public static String text(String raw) {
    return isAbsent(raw) ? null : raw;
  }

  private static boolean isAbsent(String raw) {
    return raw == null || raw.isBlank();
  }

  private static <T extends java.time.temporal.TemporalAccessor> T inRange(String name, T value) {
    String outOfRange = InputRules.checkTemporal(value);
    if (outOfRange != null) {
      throw bad(name, outOfRange);
    }
    return value;
  }
}
