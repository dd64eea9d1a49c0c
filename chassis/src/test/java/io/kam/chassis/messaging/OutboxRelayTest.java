package io.kam.chassis.messaging;

import static io.kam.chassis.Auth.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

@QuarkusTest
class OutboxRelayTest {

  static final String TOPIC = "kam.plan.events";

  @Inject Outbox outbox;

  private static List<ConsumerRecord<String, String>> read(String key, int atLeast) {
    return TestKafka.readUntil(
            TOPIC,
            rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= atLeast,
            Duration.ofSeconds(30))
        .stream()
        .filter(r -> key.equals(r.key()))
        .toList();
  }

  @Test
  void aCommittedChangePublishesItsCloudEventKeyedByTheSubject() throws Exception {
    String id =
        asAdmin()
            .contentType("application/json")
            .body("{\"name\":\"evented\"}")
            .post("/api/v1/widgets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    List<ConsumerRecord<String, String>> records = read(id, 1);
    assertEquals(1, records.size());
    CloudEvent e = EventJson.read(records.get(0).value());
    assertEquals("1.0", e.specversion());
    assertEquals("test.widget.created.v1", e.type());
    assertEquals("/chassis-test-service", e.source());
    assertEquals(id, e.subject());
    assertEquals(1L, e.sequence());
    assertEquals("evented", e.data().get("name").asText());
    assertEquals("application/cloudevents+json", TestKafka.header(records.get(0), "content-type"));
  }

  @Test
  void severalEventsOfOneChangeGetConsecutiveSequencesInOrder() throws Exception {
    String subject = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (int i = 0; i < 5; i++) {
                outbox.add(TOPIC, "test.step.v1", subject, Map.of("step", i));
              }
            });
    List<ConsumerRecord<String, String>> records = read(subject, 5);
    for (int i = 0; i < 5; i++) {
      CloudEvent e = EventJson.read(records.get(i).value());
      assertEquals(i + 1L, e.sequence());
      assertEquals(i, e.data().get("step").asInt());
    }
  }

  @Test
  void aRolledBackChangePublishesNothing() {
    String subject = UUID.randomUUID().toString();
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                outbox.add(TOPIC, "test.rolled-back.v1", subject, Map.of());
                throw new IllegalStateException("roll back");
              });
    } catch (IllegalStateException expected) {
      // the change failed, so must its event
    }
    String marker = UUID.randomUUID().toString();
    QuarkusTransaction.requiringNew()
        .run(() -> outbox.add(TOPIC, "test.marker.v1", marker, Map.of()));
    read(marker, 1);
    assertTrue(
        TestKafka.readUntil(TOPIC, rs -> false, Duration.ofSeconds(2)).stream()
            .noneMatch(r -> subject.equals(r.key())));
  }

  @Test
  void addingAnEventOutsideATransactionIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> outbox.add(TOPIC, "test.x.v1", "s", Map.of()));
  }
}
