package io.kam.chassis.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kam.platform.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Many events in one call: consecutive sequences per subject, published in list order. */
@QuarkusTest
class OutboxAddAllTest {

  static final String TOPIC = "kam.plan.events";

  @Inject Outbox outbox;
  @Inject AgroalDataSource ds;

  @Test
  void givesConsecutiveSequencesPerSubjectAndTheRelayPublishesThemInOrder() {
    String x = UUID.randomUUID().toString();
    String y = UUID.randomUUID().toString();
    // x already has a sequence: the batch continues after it.
    QuarkusTransaction.requiringNew()
        .run(() -> outbox.add(TOPIC, "test.step.v1", x, Map.of("n", 0)));
    List<CloudEvent> added =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    outbox.addAll(
                        TOPIC,
                        List.of(
                            new Outbox.Pending("test.step.v1", x, Map.of("n", 1)),
                            new Outbox.Pending("test.step.v1", y, Map.of("n", 1)),
                            new Outbox.Pending("test.step.v1", x, Map.of("n", 2)),
                            new Outbox.Pending("test.step.v1", y, Map.of("n", 2)),
                            new Outbox.Pending("test.step.v1", x, Map.of("n", 3)))));

    assertEquals(List.of(2L, 1L, 3L, 2L, 4L), added.stream().map(CloudEvent::sequence).toList());
    assertEquals(List.of(x, y, x, y, x), added.stream().map(CloudEvent::subject).toList());
    List<ConsumerRecord<String, String>> records =
        TestKafka.readUntil(
            TOPIC,
            rs ->
                rs.stream().filter(r -> x.equals(r.key())).count() >= 4
                    && rs.stream().filter(r -> y.equals(r.key())).count() >= 2,
            Duration.ofSeconds(30));
    assertEquals(List.of(1L, 2L, 3L, 4L), RelayOrderTest.sequences(records, x));
    assertEquals(List.of(1L, 2L), RelayOrderTest.sequences(records, y));
    assertEquals(
        List.of(1, 2, 3),
        records.stream()
            .filter(r -> x.equals(r.key()))
            .skip(1)
            .map(r -> read(r.value()).data().get("n").asInt())
            .toList());
  }

  @Test
  void addsNothingForNoEvents() {
    assertEquals(
        List.of(), QuarkusTransaction.requiringNew().call(() -> outbox.addAll(TOPIC, List.of())));
  }

  @Test
  void refusesOutsideATransaction() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class,
        () ->
            outbox.addAll(TOPIC, List.of(new Outbox.Pending("test.step.v1", "s", Map.of("n", 1)))));
  }

  private static CloudEvent read(String json) {
    try {
      return EventJson.read(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
