package io.kam.chassis.messaging;

import static io.kam.chassis.Auth.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kam.platform.PlatformTestResource;
import io.kam.platform.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The publishing guarantee against the real broker: six accounts get twenty events each, one of
 * them too large for its topic, and the broker is stopped and restarted while the relay works. On
 * the topic every account's events arrive in sequence order without a gap; the too large one is
 * quarantined with the account's later events held behind it while the other accounts complete;
 * once the topic accepts it, an admin's retry publishes it and the held ones, in order.
 */
@QuarkusTest
class RelayDeliveryProofTest {

  static final int PER_SUBJECT = 20;
  static final int POISON_AT = 5;

  @Inject Outbox outbox;
  @Inject AgroalDataSource ds;

  @Test
  void
      perAccountOrderHoldsThroughARejectedEventAndABrokerRestartAndTheRejectedOneWaitsForAnAdmin() {
    String topic = TestTopics.create(100_000);
    List<String> subjects =
        IntStream.range(0, 6).mapToObj(i -> UUID.randomUUID().toString()).toList();
    String poisoned = subjects.get(0);
    List<String> healthy = subjects.subList(1, subjects.size());

    write(topic, subjects, poisoned, 1, PER_SUBJECT / 2);
    PlatformTestResource.shared().stopKafka(); // the relay is publishing the first half now
    try {
      write(topic, subjects, poisoned, PER_SUBJECT / 2 + 1, PER_SUBJECT);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> "unreachable".equals(eventsHealth().getString("kafka")));
    } finally {
      PlatformTestResource.shared().startKafka();
    }

    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                Db.count(
                        ds,
                        "select count(*) from kam_chassis.outbox where event_key = ? and quarantined_at is not null",
                        poisoned)
                    == 1);
    List<ConsumerRecord<String, String>> records =
        TestKafka.readUntil(
            topic,
            rs -> healthy.stream().allMatch(s -> firstOccurrences(rs, s).size() == PER_SUBJECT),
            Duration.ofSeconds(90));
    for (String s : healthy) {
      assertEquals(range(1, PER_SUBJECT), inOrderWithoutGaps(records, s), "account " + s);
    }
    assertEquals(range(1, POISON_AT - 1), inOrderWithoutGaps(records, poisoned));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "reachable".equals(eventsHealth().getString("kafka")));
    JsonPath health = eventsHealth();
    assertEquals("publishing", health.getString("relay"));
    assertTrue(health.getLong("outboxQuarantined") >= 1);
    assertTrue(health.getLong("outboxHeld") >= PER_SUBJECT - POISON_AT);

    JsonPath quarantine =
        asAdmin()
            .queryParam("limit", 500)
            .get("/api/v1/admin/chassis-test/outbox/quarantine")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> entry =
        quarantine.getMap("items.find { it.subject == '" + poisoned + "' }");
    assertEquals(POISON_AT, entry.get("sequence"));
    assertEquals(topic, entry.get("topic"));
    assertEquals(2, entry.get("attempts"));
    assertEquals(PER_SUBJECT - POISON_AT, entry.get("heldBehind"));
    String reason = (String) entry.get("reason");
    assertTrue(reason.contains("larger than Kafka accepts"), reason);
    assertFalse(reason.contains("Exception") || reason.contains("org.apache"), reason);
    given()
        .get(io.kam.chassis.ManagementPort.url("metrics"))
        .then()
        .statusCode(200)
        .body(containsString("kam_outbox_quarantines_total{topic=\"" + topic + "\"}"));

    // The operator raises the topic's limit, then retries: the event and the ones held behind it
    // follow, in order.
    TestTopics.raiseLimit(topic, 1_000_000);
    long id = ((Number) entry.get("id")).longValue();
    asAdmin()
        .post("/api/v1/admin/chassis-test/outbox/quarantine/" + id + "/retry")
        .then()
        .statusCode(202);
    records =
        TestKafka.readUntil(
            topic,
            rs -> firstOccurrences(rs, poisoned).size() == PER_SUBJECT,
            Duration.ofSeconds(60));
    assertEquals(range(1, PER_SUBJECT), inOrderWithoutGaps(records, poisoned));
    assertEquals(
        0,
        Db.count(
            ds,
            "select count(*) from kam_chassis.outbox where event_key = ? and sent_at is null",
            poisoned));
  }

  private void write(String topic, List<String> subjects, String poisoned, int from, int to) {
    String tooLarge = "p".repeat(200_000); // under the producer's limit, over the topic's
    for (int n = from; n <= to; n++) {
      for (String s : subjects) {
        Map<String, Object> data =
            s.equals(poisoned) && n == POISON_AT
                ? Map.of("n", n, "blob", tooLarge)
                : Map.of("n", n);
        QuarkusTransaction.requiringNew().run(() -> outbox.add(topic, "test.tick.v1", s, data));
      }
    }
  }

  private static JsonPath eventsHealth() {
    return given()
        .get(io.kam.chassis.ManagementPort.url("health/ready"))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .setRootPath("checks.find { it.name == 'Events (informational)' }.data");
  }

  /** Sequences of the key's events as a consumer sees them: redelivered ids skipped. */
  private static List<Long> firstOccurrences(
      List<ConsumerRecord<String, String>> records, String key) {
    Set<String> seen = new HashSet<>();
    return records.stream()
        .filter(r -> key.equals(r.key()))
        .map(r -> read(r.value()))
        .filter(e -> seen.add(e.id()))
        .map(CloudEvent::sequence)
        .toList();
  }

  /** The first occurrences, checked to rise by exactly one from 1. */
  private static List<Long> inOrderWithoutGaps(
      List<ConsumerRecord<String, String>> records, String key) {
    List<Long> seqs = firstOccurrences(records, key);
    for (int i = 0; i < seqs.size(); i++) {
      assertEquals(i + 1L, seqs.get(i), "sequences of " + key + ": " + seqs);
    }
    return seqs;
  }

  private static List<Long> range(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> (long) i).toList();
  }

  private static CloudEvent read(String json) {
    try {
      return EventJson.read(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
