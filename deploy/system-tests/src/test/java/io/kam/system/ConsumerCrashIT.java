package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.platform.TestKafka;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kpi-service is SIGKILLed while its consumer group is provably behind in a stream of account
 * events (lag read from Kafka's admin API at the kill) and restarted: every account ends with the
 * same KPIs as an undisturbed one, and every effect happened exactly once (one first snapshot
 * published per account, no dead letter).
 */
class ConsumerCrashIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int ACCOUNTS = 400;
  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  private RequestSpecification as(String user, String... roles) {
    return given()
        .baseUri(sut.gatewayUrl())
        .header("Authorization", "Bearer " + sut.token(user, roles));
  }

  @Test
  void aConsumerKilledMidStreamAppliesEveryEventExactlyOnceAfterItsRestart() throws Exception {
    // Undisturbed expectation: one account synced and settled before anything is killed.
    String control = sync(1).get(0);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> kpis(control) != null);
    JsonNode expected = withoutIds(kpis(control));

    List<String> ids = sync(ACCOUNTS);
    // In the middle: it has applied the first account of the stream and not committed the end.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> kpis(ids.get(0)) != null);
    long lag = lag("kpi-service", "kam.account.events");
    assertTrue(lag > 0, "kpi-service was behind on kam.account.events when killed");
    sut.service("kpi").kill();
    sut.service("kpi").start();
    sut.service("kpi").awaitReady(Duration.ofSeconds(180));

    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> lag("kpi-service", "kam.account.events") == 0);
    for (String id : ids) {
      JsonNode actual = kpis(id);
      assertEquals(expected, actual == null ? null : withoutIds(actual), "KPIs of " + id);
    }
    Set<String> wanted = Set.copyOf(ids);
    List<ConsumerRecord<String, String>> snapshots =
        TestKafka.readUntil(
            "kam.kpi.events",
            rs ->
                rs.stream().map(ConsumerRecord::key).filter(wanted::contains).distinct().count()
                    == wanted.size(),
            Duration.ofSeconds(120));
    Map<String, Long> perAccount =
        snapshots.stream()
            .map(ConsumerRecord::key)
            .filter(wanted::contains)
            .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
    assertEquals(ACCOUNTS, perAccount.size());
    perAccount.forEach((id, n) -> assertEquals(1L, n, "snapshots published for " + id));
    as("admin", "admin")
        .get("/api/v1/admin/kpi/dead-letters?limit=500")
        .then()
        .statusCode(200)
        .body(
            "items.findAll { it.key in " + JSON.writeValueAsString(ids) + " }.size()",
            org.hamcrest.Matchers.is(0));
  }

  /** Creates {@code n} accounts in one CRM sync; returns their ids. */
  private List<String> sync(int n) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, Object>> items =
        IntStream.range(0, n)
            .mapToObj(
                i ->
                    Map.<String, Object>of(
                        "source",
                        "crash-it",
                        "externalId",
                        run + "-" + i,
                        "name",
                        "Crash " + run + " " + i,
                        "country",
                        "DE",
                        "ownerId",
                        "kam-anna"))
            .toList();
    return as("crm-bot", "integration")
        .contentType("application/json")
        .body(JSON.writeValueAsString(Map.of("items", items)))
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("results.id", String.class);
  }

  /**
   * The account's KPIs, or null while kpi-service does not know it (404). Reading 400 accounts in a
   * row outruns the gateway's per-user rate limit: a 429 is waited out as Retry-After says, so only
   * a real answer decides.
   */
  private JsonNode kpis(String id) throws Exception {
    while (true) {
      var r = as("kam-anna", "kam").get("/api/v1/accounts/" + id + "/kpis?period=2026-Q3");
      if (r.statusCode() == 429) {
        Thread.sleep(1000L * Long.parseLong(r.header("Retry-After")));
        continue;
      }
      if (r.statusCode() == 404) {
        return null;
      }
      assertEquals(200, r.statusCode(), "KPIs of " + id + ": " + r.asString());
      return JSON.readTree(r.asString());
    }
  }

  private static JsonNode withoutIds(JsonNode n) {
    ObjectNode copy = n.deepCopy();
    copy.remove("accountId");
    copy.remove("id");
    return copy;
  }

  /** Messages of {@code topic} the group has not committed yet, from Kafka's admin API. */
  private long lag(String group, String topic) throws Exception {
    return ConsumerLag.of(sut.platform().bootstrapServers(), group, topic);
  }
}
