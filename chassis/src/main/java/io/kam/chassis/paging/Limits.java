package io.kam.chassis.paging;

import io.kam.chassis.problem.ProblemException;

/** The list conventions of docs/api.md: limit 1..500, default 50. */
public final class Limits {

  public static final int DEFAULT = 50;
  public static final int MAX = 500;

  private Limits() {}

  /** The page size asked for, or a 400 naming the parameter. */
  public static int of(String raw) {
    if (raw == null || raw.isBlank()) {
      return DEFAULT;
    }
    try {
      int limit = Integer.parseInt(raw.trim());
      if (limit >= 1 && limit <= MAX) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ProblemException(
        400,
        "Bad request",
        "limit: must be a whole number from 1 to " + MAX,
        java.util.List.of(
            new io.kam.chassis.problem.Problem.FieldError(
                "limit", "must be a whole number from 1 to " + MAX)),
        java.util.Map.of());
  }
}
