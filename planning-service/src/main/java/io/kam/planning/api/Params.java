package io.kam.planning.api;

import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Query parameters read strictly: a bad value is a 400 naming the parameter, never a 500. */
final class Params {

  private Params() {}

  static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.trim());
    } catch (IllegalArgumentException e) {
      throw bad(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** true, false, or absent (null). */
  static Boolean optionalBool(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return switch (raw.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(name, "must be true or false");
    };
  }

  static boolean bool(String name, String raw) {
    return Boolean.TRUE.equals(optionalBool(name, raw));
  }

  static java.util.UUID uuid(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return java.util.UUID.fromString(raw.trim());
    } catch (IllegalArgumentException e) {
      throw bad(name, "must be a UUID");
    }
  }

  /** A required id from the path: a malformed one is a 400 naming the parameter, not a 404. */
  static java.util.UUID id(String name, String raw) {
    java.util.UUID id = uuid(name, raw);
    if (id == null) {
      throw bad(name, "must be a UUID");
    }
    return id;
  }

  static ProblemException bad(String name, String message) {
    return new ProblemException(400, "Bad request", name + ": " + message,
        List.of(new Problem.FieldError(name, message)), Map.of());
  }
}
