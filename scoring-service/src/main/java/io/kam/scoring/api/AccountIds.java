package io.kam.scoring.api;

import io.kam.chassis.input.QueryParams;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** The {@code accountIds} parameter of the batch reads: 1..500 comma-separated UUIDs. */
final class AccountIds {

  static final int MAX = 500;

  private AccountIds() {}

  /** The distinct ids, or null when the parameter is absent; a 400 when it is not 1..500 ids. */
  static Set<UUID> parse(String raw) {
    if (raw == null) {
      return null;
    }
    Set<UUID> ids = new LinkedHashSet<>();
    String[] parts = raw.split(",", -1);
    if (parts.length > MAX) {
      throw QueryParams.bad("accountIds", "at most " + MAX + " account ids");
    }
    for (String part : parts) {
      if (part.isBlank()) {
        throw QueryParams.bad("accountIds", "1 to " + MAX + " comma-separated account ids");
      }
      ids.add(QueryParams.requiredUuid("accountIds", part.trim()));
    }
    return ids;
  }
}
