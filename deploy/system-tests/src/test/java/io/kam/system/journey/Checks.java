package io.kam.system.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The journey's assertions that read more than one field. */
final class Checks {

  private Checks() {}

  static void score(JsonNode score, String expected, String tier, String risk) {
    decimal(score, "score", expected);
    assertEquals(tier, score.path("tier").asText(), score.toString());
    assertEquals(risk, score.path("defectionRisk").asText(), score.toString());
  }

  /** Numerically equal, whatever the scale: 62.5 = 62.50000. */
  static void decimal(JsonNode node, String field, String expected) {
    JsonNode value = node.path(field);
    assertTrue(value.isNumber(), field + " is not a number in " + node);
    assertEquals(
        0,
        value.decimalValue().compareTo(new BigDecimal(expected)),
        field + " = " + value + ", expected " + expected + " in " + node);
  }

  static JsonNode criterion(JsonNode score, String key) {
    for (JsonNode c : score.path("breakdown")) {
      if (key.equals(c.path("criterion").asText())) {
        return c;
      }
    }
    throw new AssertionError("no criterion " + key + " in " + score);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 120 s: " + what);
      }
      Api.sleep(500);
    }
  }

  /**
   * Everything of the journey in one call: the account, its score, last quarter's KPIs, the plan.
   */
  static void overview(JsonNode overview, String planId) {
    assertEquals(0, overview.path("warnings").size(), overview.toString());
    assertEquals("Helios Industrie AG", overview.path("account").path("name").asText());
    assertEquals("KEY", overview.path("score").path("tier").asText());
    assertTrue(overview.path("score").path("breakdown").size() == 7, overview.toString());
    assertEquals("2026-Q3", overview.path("kpis").path("period").asText());
    // Q3 2026: 3 x 125 000 - 300 000 = 75 000.
    decimal(overview.path("kpis"), "revenue", "75000");
    JsonNode plan = overview.path("plan");
    assertEquals(planId, plan.path("id").asText());
    assertEquals("ACTIVE", plan.path("status").asText());
    assertEquals("2027-01-13T08:00:00Z", plan.path("nextReviewAt").asText());
    decimal(plan.path("objectives").path(0), "progress", "0");
    assertEquals(
        "Quarterly business review with the CFO",
        plan.path("overdueActions").path(0).path("title").asText());
  }

  /**
   * A partner that replays the changes feed from the beginning ends with exactly the accounts the
   * API shows: the last change of each account carries its current state, deletes included.
   */
  static void changesFeedMirrorsTheAccounts(Api partner, Api admin) {
    Map<String, JsonNode> mirror = new LinkedHashMap<>();
    for (JsonNode change : partner.items("/api/v1/sync/accounts/changes")) {
      mirror.put(change.path("accountId").asText(), change.path("account"));
      String origin = change.path("origin").asText();
      assertTrue(
          "api-key:crm-partner".equals(origin) || origin.startsWith("user:"), change.toString());
    }
    Map<String, JsonNode> accounts = new LinkedHashMap<>();
    admin.items("/api/v1/accounts").forEach(a -> accounts.put(a.path("id").asText(), a));
    assertEquals(
        accounts.keySet(), mirror.keySet(), "the feed names exactly the accounts there are");
    accounts.forEach(
        (id, account) -> assertEquals(account, mirror.get(id), "the feed's last state of " + id));
  }

  static void noDeadLetters(Api admin) {
    for (String service : List.of("account", "scoring", "kpi", "planning")) {
      JsonNode letters = admin.read("/api/v1/admin/" + service + "/dead-letters").path("items");
      assertEquals(0, letters.size(), service + " has dead letters: " + letters);
    }
  }
}
