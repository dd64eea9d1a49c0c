package io.kam.chassis.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.ManagementPort;
import io.kam.platform.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The event hop histogram: an event's time from its outbox insert to its application, per topic and
 * consumer, recorded once the consumer's transaction committed, on both consumption paths.
 */
@QuarkusTest
class EventHopTest {

  static final String TOPIC = "kam.account.events";
  private static final AtomicLong OFFSET = new AtomicLong(2_000_000_000L);

  @Inject Outbox outbox;
  @Inject EventConsumer consumer;
  @Inject AgroalDataSource ds;
  @Inject MeterRegistry registry;

  private Timer hop() {
    return registry
        .find("kam.event.hop")
        .tag("topic", TOPIC)
        .tag("consumer", "chassis-test")
        .timer();
  }

  private long hops() {
    Timer t = hop();
    return t == null ? 0 : t.count();
  }

  @Test
  void anEventRelayedThroughKafkaIsTimedFromItsOutboxInsertToItsApplication() {
    long before = hops();
    String subject = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew()
        .run(() -> outbox.add(TOPIC, "test.known.v1", subject, Map.of("name", "hop")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Db.count(ds, "select count(*) from applied_event where subject = ?", subject) == 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> hops() > before);

    String metrics =
        given().get(ManagementPort.url("metrics")).then().statusCode(200).extract().asString();
    for (String le : new String[] {"0.005", "0.1", "1.0", "60.0", "+Inf"}) {
      assertTrue(
          metrics
              .lines()
              .anyMatch(
                  l ->
                      l.startsWith("kam_event_hop_seconds_bucket{")
                          && l.contains("consumer=\"chassis-test\"")
                          && l.contains("topic=\"" + TOPIC + "\"")
                          && l.contains("le=\"" + le + "\"")),
          "bucket le=" + le + " of kam_event_hop_seconds{topic, consumer}");
    }
  }

  @Test
  void aBatchAppliedInOneTransactionRecordsOneHopPerAppliedEventOnly() {
    Timer timer = hop();
    long count = timer == null ? 0 : timer.count();
    double seconds = timer == null ? 0 : timer.totalTime(TimeUnit.SECONDS);
    long twoSecondsAgo = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis() - 2000);
    List<ConsumerRecord<String, String>> batch = new ArrayList<>();
    String repeated = UUID.randomUUID().toString();
    String s = UUID.randomUUID().toString();
    batch.add(record(repeated, "test.known.v1", s, 1, twoSecondsAgo));
    batch.add(record(UUID.randomUUID().toString(), "test.changed.v1", s, 2, twoSecondsAgo));
    batch.add(record(repeated, "test.known.v1", s, 1, twoSecondsAgo)); // a redelivery: no hop
    batch.add(record(UUID.randomUUID().toString(), "test.changed.v1", s, 3, -1)); // no header

    assertTrue(consumer.consumeBatch(batch), "applied as one batch");

    // Another test's event may be timed meanwhile (a few milliseconds): the sum tells that exactly
    // two hops of two seconds were added, not the redelivery's or the one without an outbox time.
    assertTrue(hop().count() >= count + 2, "the two applied events that carry their outbox time");
    double added = hop().totalTime(TimeUnit.SECONDS) - seconds;
    assertTrue(added >= 4.0 && added < 5.5, "two hops, each from its outbox insert: " + added);
  }

  @Test
  void aSingleRecordIsTimedOnTheRecordPath() {
    long before = hops();
    String s = UUID.randomUUID().toString();
    long now = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    assertEquals(
        false,
        consumer.consumeBatch(
            List.of(record(UUID.randomUUID().toString(), "test.known.v1", s, 1, now))),
        "one record goes the record path");
    assertTrue(hops() >= before + 1);
  }

  private static ConsumerRecord<String, String> record(
      String id, String type, String subject, long seq, long outboxMicros) {
    ConsumerRecord<String, String> r =
        new ConsumerRecord<>(
            TOPIC,
            0,
            OFFSET.incrementAndGet(),
            subject,
            TestKafka.cloudEvent(id, type, "/account-service", subject, seq, "{}"));
    if (outboxMicros >= 0) {
      r.headers()
          .add(EventHop.HEADER, Long.toString(outboxMicros).getBytes(StandardCharsets.UTF_8));
    }
    return r;
  }
}
