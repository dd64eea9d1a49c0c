package io.kam.kpi.api;

import io.kam.chassis.problem.ProblemException;
import java.util.List;

/** The size rules of the bulk endpoints. */
final class BulkLimits {

  static final int MAX_ITEMS = 5000;

  private BulkLimits() {}

  static void check(List<?> items) {
    if (items == null) {
      throw ProblemException.invalid("items", "required: {\"items\": [...]}");
    }
    if (items.size() > MAX_ITEMS) {
      throw ProblemException.tooLarge(
          "at most " + MAX_ITEMS + " items per request, got " + items.size());
    }
  }
}
