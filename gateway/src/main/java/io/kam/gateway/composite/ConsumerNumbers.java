package io.kam.gateway.composite;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a service's {@code /q/health/group/consumers} check into the system health's "events"
 * object.
 */
final class ConsumerNumbers {

  private ConsumerNumbers() {}

  static JsonObject of(JsonObject health) {
    for (Object c : health.getJsonArray("checks", new JsonArray())) {
      JsonObject check = (JsonObject) c;
      JsonObject data = check.getJsonObject("data");
      if (!check.getString("name", "").startsWith("Consumers") || data == null) {
        continue;
      }
      JsonObject events = new JsonObject();
      Map<String, JsonObject> groups = new TreeMap<>();
      for (String key : data.fieldNames()) {
        if (key.startsWith("lag:")) {
          int split = key.indexOf(':', 4);
          String group = key.substring(4, split);
          groups
              .computeIfAbsent(
                  group, g -> new JsonObject().put("group", g).put("lag", new JsonObject()))
              .getJsonObject("lag")
              .put(key.substring(split + 1), data.getValue(key));
        } else {
          events.put(key, data.getValue(key));
        }
      }
      return events.put(
          "consumerGroups", new JsonArray(new java.util.ArrayList<>(groups.values())));
    }
    return null;
  }
}
