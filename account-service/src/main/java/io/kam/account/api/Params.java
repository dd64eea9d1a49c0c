package io.kam.account.api;

import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Path and query parameters read by hand, so a bad one is a 400 naming it (never a 404 or 500). */
final class Params {

  private Params() {}

  static UUID uuid(String name, String raw) {
    if (raw == null || raw.isBlank()) {
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

  static ProblemException bad(String name, String message) {
    return new ProblemException(400, "Bad request", name + ": " + message,
        List.of(new Problem.FieldError(name, message)), Map.of());
  }
}
