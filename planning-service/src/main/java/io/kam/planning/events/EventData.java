package io.kam.planning.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Tolerant reads of event payloads: absent and null fields are null. */
final class EventData {

  private EventData() {}

  static String text(JsonNode d, String field) {
    JsonNode n = d.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  static BigDecimal decimal(JsonNode d, String field) {
    JsonNode n = d.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isNumber()) {
      throw new IllegalArgumentException(field + " is not a number");
    }
    return n.decimalValue();
  }

  static Integer integer(JsonNode d, String field) {
    BigDecimal v = decimal(d, field);
    return v == null ? null : v.intValueExact();
  }

  static List<String> texts(JsonNode d, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : d.path(field)) {
      out.add(n.asText());
    }
    return out;
  }
}
