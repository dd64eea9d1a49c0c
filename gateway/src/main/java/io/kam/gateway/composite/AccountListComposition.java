package io.kam.gateway.composite;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account list page with each account's score and KPIs: pure assembly of the three answers, so
 * the rules (a part missing for one account is null; a failed part is null everywhere with one
 * warning) are tested without any service.
 */
final class AccountListComposition {

  static final Set<String> PARTS = Set.of("score", "kpis");

  private AccountListComposition() {}

  /** The page's account ids, in order. */
  static List<String> ids(JsonObject page) {
    List<String> ids = new ArrayList<>();
    for (Object o : page.getJsonArray("items", new JsonArray())) {
      if (o instanceof JsonObject item && item.getString("id") != null) {
        ids.add(item.getString("id"));
      }
    }
    return ids;
  }

  /**
   * The page with {@code score} and {@code kpis} on every item for each included part: the part's
   * item for the account, null when the service has none for it or failed (then a warning says
   * which, once). Parts not included are left out of the items.
   */
  static JsonObject compose(
      JsonObject page, Set<String> include, Parts.Result scores, Parts.Result kpis) {
    JsonArray warnings = new JsonArray();
    Map<String, JsonObject> scoreById =
        include.contains("score") ? byAccount(scores, "score", warnings) : Map.of();
    Map<String, JsonObject> kpisById =
        include.contains("kpis") ? byAccount(kpis, "kpis", warnings) : Map.of();
    JsonArray items = new JsonArray();
    for (Object o : page.getJsonArray("items", new JsonArray())) {
      JsonObject item = ((JsonObject) o).copy();
      String id = item.getString("id");
      if (include.contains("score")) {
        item.put("score", scoreById.get(id));
      }
      if (include.contains("kpis")) {
        item.put("kpis", kpisById.get(id));
      }
      items.add(item);
    }
    return new JsonObject()
        .put("items", items)
        .put("nextCursor", page.getValue("nextCursor"))
        .put("warnings", warnings);
  }

  /** The part's items by {@code accountId}; empty with a warning when the part failed. */
  private static Map<String, JsonObject> byAccount(
      Parts.Result result, String part, JsonArray warnings) {
    if (result == null) {
      return Map.of(); // no ids on the page: nothing was asked
    }
    Object body = result.orWarn(part, warnings);
    Map<String, JsonObject> byId = new HashMap<>();
    if (body instanceof JsonObject json) {
      for (Object o : json.getJsonArray("items", new JsonArray())) {
        if (o instanceof JsonObject item && item.getString("accountId") != null) {
          byId.put(item.getString("accountId"), item);
        }
      }
    }
    return byId;
  }
}
