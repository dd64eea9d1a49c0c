package io.kam.kpi.events;

import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.nps;
import static io.kam.kpi.testdata.Items.voidOf;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static io.restassured.module.jsv.JsonSchemaValidator.matchesJsonSchemaInClasspath;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.kpi.testdata.Api;
import io.kam.kpi.testdata.SnapshotEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** kam.kpi.snapshot.v1 through the outbox: when it is published, what it says, its schema. */
@QuarkusTest
class SnapshotEventsTest {

  /**
   * Test clock 2026-10-15 -> asOfMonth 2026-09, T12M = 2025-10..2026-09, wallet 10000. Lines:
   * 2025-09 A 100 (the 12 months before), 2026-05 A 200, 2026-08 A 300, 2026-09 B 400. t12m = 900,
   * before = 100 -> t12mGrowth 8; Jul-Sep 700 vs Apr-Jun 200 -> last3mGrowth 2.5; share 900/10000 =
   * 0.09; B is new over the window (the account had revenue before) -> 1. NPS 10 in 2026-03 ->
   * npsT12m 100. Voiding B: t12m 500, growth 4, last3m 0.5, share 0.05, 0.
   */
  @Test
  void publishesOnBecomingKnownAndOncePerChangingBatchOnly() {
    UUID id = anAccount().withWallet("10000").create().id();
    Map<String, Object> b = line(id, "2026-09-10", "B", "400");
    Api.putLines(
        line(id, "2025-09-15", "A", "100"),
        line(id, "2026-05-01", "A", "200"),
        line(id, "2026-08-01", "A", "300"),
        b);
    Api.putSurveys(nps(id, "2026-03-01T00:00:00Z", 10));
    Api.putLines(b); // unchanged: no event
    Api.putLines(
        line(id, "2026-10-05", "A", "999")); // after the as-of month: same values, no event
    Api.putLines(voidOf(b));

    List<JsonNode> events = SnapshotEvents.awaitCount(id, 4);

    assertEquals(4, events.size());
    for (JsonNode event : events) {
      assertEquals("kam.kpi.snapshot.v1", event.get("type").asText());
      assertEquals("/kpi-service", event.get("source").asText());
      assertEquals(id.toString(), event.get("subject").asText());
      assertThat(
          event.get("data").toString(),
          matchesJsonSchemaInClasspath("events/kam.kpi.snapshot.v1.schema.json"));
      assertEquals("2026-09", event.at("/data/asOfMonth").asText());
    }
    assertTrue(events.get(0).get("sequence").asLong() < events.get(3).get("sequence").asLong());
    assertSnapshot(events.get(0).get("data"), "0", null, null, "0", null, 0); // zero revenue
    assertSnapshot(events.get(1).get("data"), "900", "8", "2.5", "0.09", null, 1);
    assertSnapshot(events.get(2).get("data"), "900", "8", "2.5", "0.09", "100", 1);
    assertSnapshot(events.get(3).get("data"), "500", "4", "0.5", "0.05", "100", 0);
    // Freshness as of the month: the 2026-10 line is after it; voiding B leaves 2026-08.
    assertInputs(events.get(0).get("data"), null, null);
    assertInputs(events.get(1).get("data"), "2026-09", null);
    assertInputs(events.get(2).get("data"), "2026-09", "2026-03-01");
    assertInputs(events.get(3).get("data"), "2026-08", "2026-03-01");
  }

  /**
   * A line of 0 in 2026-08 changes no value (sums, windows and product lines stay the same) but
   * moves lastRevenueMonth from 2026-05 to 2026-08: consumers show freshness, so it is published.
   */
  @Test
  void aChangeOfOnlyTheInputDatesIsPublished() {
    UUID id = anAccount().create().id();
    Api.putLines(line(id, "2026-05-10", "A", "100"));
    Api.putLines(line(id, "2026-08-10", "A", "0"));

    List<JsonNode> events = SnapshotEvents.awaitCount(id, 3);

    assertEquals(3, events.size());
    assertSnapshot(events.get(1).get("data"), "100", null, "-1", null, null, 0);
    assertSnapshot(events.get(2).get("data"), "100", null, "-1", null, null, 0);
    assertInputs(events.get(1).get("data"), "2026-05", null);
    assertInputs(events.get(2).get("data"), "2026-08", null);
    assertThat(
        events.get(2).get("data").toString(),
        matchesJsonSchemaInClasspath("events/kam.kpi.snapshot.v1.schema.json"));
  }

  private static void assertInputs(JsonNode data, String lastRevenueMonth, String lastSurveyDate) {
    assertEquals(lastRevenueMonth, text(data.get("lastRevenueMonth")), "lastRevenueMonth");
    assertEquals(lastSurveyDate, text(data.get("lastSurveyDate")), "lastSurveyDate");
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  @Test
  void aWalletChangeIsPublishedAndAnUnchangedAccountUpdateIsNot() {
    var account = anAccount().withWallet("1000");
    UUID id = account.create().id();
    Api.putLines(line(id, "2026-09-01", "A", "100"));
    account.inIndustry("RETAIL").update(); // nothing of the snapshot changes
    account.withWallet("400").update();

    List<JsonNode> events = SnapshotEvents.awaitCount(id, 3);

    assertEquals(3, events.size());
    assertSnapshot(events.get(1).get("data"), "100", null, null, "0.1", null, 0);
    assertSnapshot(events.get(2).get("data"), "100", null, null, "0.25", null, 0);
  }

  static void assertSnapshot(
      JsonNode data,
      String t12m,
      String growth,
      String last3m,
      String share,
      String npsT12m,
      int crossSell) {
    assertDecimal(data, "t12mRevenue", t12m);
    assertDecimal(data, "t12mGrowth", growth);
    assertDecimal(data, "last3mGrowth", last3m);
    assertDecimal(data, "shareOfWallet", share);
    assertDecimal(data, "npsT12m", npsT12m);
    assertDecimal(data, "csatT12m", null);
    assertEquals(crossSell, data.get("crossSellCount").asInt());
  }

  private static void assertDecimal(JsonNode data, String field, String expected) {
    JsonNode node = data.get(field);
    if (expected == null) {
      assertTrue(node.isNull(), field + " should be null but was " + node);
    } else {
      assertEquals(
          0, node.decimalValue().compareTo(new BigDecimal(expected)), field + " was " + node);
    }
  }
}
