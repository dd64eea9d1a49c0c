package io.kam.kpi.api;

import io.kam.chassis.input.InputRules;
import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemException;
import io.kam.kpi.domain.calc.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parses query and path parameters; anything malformed is a 400 naming the parameter. */
final class QueryParams {

  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  private QueryParams() {}

  static ProblemException bad(String field, String message) {
    return new ProblemException(400, "Bad request", field + ": " + message,
        List.of(new Problem.FieldError(field, message)), Map.of());
  }

  static UUID uuid(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(raw.trim());
    } catch (IllegalArgumentException e) {
      throw bad(field, "must be a UUID");
    }
  }

  static Period period(String raw, Period fallback) {
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Period.parse(raw.trim());
    } catch (IllegalArgumentException e) {
      throw bad("period", "must look like 2026-09, 2026-Q3 or 2026");
    }
  }

  static YearMonth month(String field, String raw, YearMonth fallback) {
    if (raw == null || raw.isBlank()) {
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
    throw bad(field, "must be a month like 2026-09");
  }

  static LocalDate date(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw bad(field, "must be a date like 2026-09-30");
    }
    String outOfRange = InputRules.checkTemporal(date);
    if (outOfRange != null) {
      throw bad(field, outOfRange);
    }
    return date;
  }

  static boolean bool(String field, String raw) {
    if (raw == null || raw.isBlank()) {
      return false;
    }
    return switch (raw.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(field, "must be true or false");
    };
  }

  static String oneOf(String field, String raw, Set<String> allowed) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (!allowed.contains(raw)) {
      throw bad(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return raw;
  }

  static String text(String raw) {
    return raw == null || raw.isBlank() ? null : raw;
  }
}
