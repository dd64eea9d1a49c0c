package io.kam.kpi.domain.ingest;

import io.kam.chassis.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The per-item checks every bulk endpoint runs before touching the database: an item must be an
 * object with a valid content, and a key may appear once per request (later occurrences are
 * rejected, whatever became of the first).
 */
final class BulkScreen {

  private BulkScreen() {}

  /** Fills {@code results} for rejected items and returns the indexes of the accepted ones. */
  static <T extends BulkItem> List<Integer> screen(
      List<T> items, ItemResult[] results, Function<T, List<Problem.FieldError>> errorsOf) {
    List<Integer> accepted = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      if (item == null) {
        results[i] =
            ItemResult.rejected(null, List.of(new Problem.FieldError("", "must be an object")));
        continue;
      }
      String key = item.key();
      if (key != null && !seen.add(key)) {
        results[i] =
            ItemResult.rejected(
                item,
                List.of(
                    new Problem.FieldError(
                        "externalId",
                        "this source + externalId already appears earlier in the request")));
        continue;
      }
      List<Problem.FieldError> errors = errorsOf.apply(item);
      if (!errors.isEmpty()) {
        results[i] = ItemResult.rejected(item, errors);
        continue;
      }
      accepted.add(i);
    }
    return accepted;
  }

  static List<Problem.FieldError> deletedAccount(BulkItem item) {
    String field = item.accountId() != null ? "accountId" : "accountExternalId";
    return List.of(new Problem.FieldError(field, "names a deleted account"));
  }
}
