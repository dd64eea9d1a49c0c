package io.kam.scoring.api;

import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Path and query parameters parsed by hand, so a bad one is a 400 naming it, never a 404 or 500. */
final class Params {

  private Params() {}

  static UUID uuid(String name, String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw bad(name, "must be a UUID");
    }
  }

  static Long longOrNull(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw bad(name, "must be a history entry id");
    }
  }

  static Instant instantOrNull(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Instant at;
    try {
      at = Instant.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw bad(name, "must be an ISO-8601 UTC timestamp, e.g. 2026-10-01T00:00:00Z");
    }
    String outOfRange = io.kam.chassis.input.InputRules.checkTemporal(at);
    if (outOfRange != null) {
      throw bad(name, outOfRange);
    }
    return at;
  }

  /** {@code raw} if it is one of {@code allowed} (or absent). */
  static String oneOf(String name, String raw, Enum<?>[] allowed) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (Arrays.stream(allowed).noneMatch(e -> e.name().equals(raw))) {
      throw bad(name, "must be one of " + Arrays.toString(allowed));
    }
    return raw;
  }

  static ProblemException bad(String name, String message) {
    return new ProblemException(
        400,
        "Bad request",
        name + ": " + message,
        List.of(new Problem.FieldError(name, message)),
        Map.of());
  }
}
