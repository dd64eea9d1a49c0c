package io.kam.kpi.testdata;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Revenue lines and survey responses as an integration partner sends them: {@code line(account,
 * "2026-08-14", "ANALYTICS", "12500.00")} with a fresh unique key.
 */
public final class Items {

  private Items() {}

  public static Map<String, Object> line(
      UUID accountId, String date, String productLine, String amount) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("source", "erp");
    item.put("externalId", "INV-" + UUID.randomUUID());
    item.put("accountId", accountId.toString());
    item.put("date", date);
    item.put("productLine", productLine);
    item.put("amount", new BigDecimal(amount));
    return item;
  }

  public static Map<String, Object> lineByRef(
      String accountSource,
      String accountExternalId,
      String date,
      String productLine,
      String amount) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("source", "erp");
    item.put("externalId", "INV-" + UUID.randomUUID());
    item.put("accountSource", accountSource);
    item.put("accountExternalId", accountExternalId);
    item.put("date", date);
    item.put("productLine", productLine);
    item.put("amount", new BigDecimal(amount));
    return item;
  }

  /** The same item with other values for some fields (an upsert of the same key). */
  public static Map<String, Object> with(Map<String, Object> item, Object... fieldsAndValues) {
    Map<String, Object> copy = new LinkedHashMap<>(item);
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      copy.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return copy;
  }

  /** A void of the item's key. */
  public static Map<String, Object> voidOf(Map<String, Object> item) {
    return Map.of(
        "source", item.get("source"), "externalId", item.get("externalId"), "deleted", true);
  }

  public static Map<String, Object> nps(UUID accountId, String respondedAt, int score) {
    return survey(accountId, "NPS", respondedAt, score);
  }

  public static Map<String, Object> csat(UUID accountId, String respondedAt, int score) {
    return survey(accountId, "CSAT", respondedAt, score);
  }

  public static Map<String, Object> survey(
      UUID accountId, String kind, String respondedAt, Object score) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("source", "survey-tool");
    item.put("externalId", "R-" + UUID.randomUUID());
    item.put("accountId", accountId.toString());
    item.put("kind", kind);
    item.put("score", score);
    item.put("respondedAt", respondedAt);
    return item;
  }
}
