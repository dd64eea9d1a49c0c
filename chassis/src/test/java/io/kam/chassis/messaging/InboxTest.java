package io.kam.chassis.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kam.platform.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The idempotent consumer against the real broker, through the test app's @Incoming channel. */
@QuarkusTest
class InboxTest {

  /** Readiness lives on the management port (the path is relative to its root, /q). */
  @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
  java.net.URL readiness;

  static final String TOPIC = "kam.account.events";
  static final String SOURCE = "/account-service";

  @Inject AgroalDataSource ds;

  private static String event(String id, String type, String subject, long seq, String data) {
    return TestKafka.cloudEvent(id, type, SOURCE, subject, seq, data);
  }

  private long applied(String subject) {
    return Db.count(ds, "select count(*) from applied_event where subject = ?", subject);
  }

  private void known(String subject) {
    TestKafka.send(
        TOPIC, subject, event(UUID.randomUUID().toString(), "test.known.v1", subject, 1, "{}"));
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject) == 1);
  }

  @Test
  void aRedeliveredEventIdIsAppliedOnce() {
    String subject = UUID.randomUUID().toString();
    known(subject);
    String id = UUID.randomUUID().toString();
    TestKafka.send(TOPIC, subject, event(id, "test.changed.v1", subject, 2, "{}"));
    TestKafka.send(TOPIC, subject, event(id, "test.changed.v1", subject, 2, "{}"));
    String marker = UUID.randomUUID().toString();
    TestKafka.send(TOPIC, subject, event(marker, "test.changed.v1", subject, 3, "{}"));
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject) == 3);
    assertEquals(1, Db.count(ds, "select count(*) from applied_event where event_id = ?", id));
  }

  @Test
  void aRedeliveredIdWithANewerSequenceIsStillSkippedById() {
    String subject = UUID.randomUUID().toString();
    known(subject);
    String id = UUID.randomUUID().toString();
    TestKafka.send(TOPIC, subject, event(id, "test.changed.v1", subject, 2, "{}"));
    // The same id again, now claiming a newer sequence: the sequence check alone would apply it.
    TestKafka.send(TOPIC, subject, event(id, "test.changed.v1", subject, 7, "{}"));
    String marker = UUID.randomUUID().toString();
    TestKafka.send(TOPIC, subject, event(marker, "test.changed.v1", subject, 3, "{}"));
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject) == 3);
    assertEquals(1, Db.count(ds, "select count(*) from applied_event where event_id = ?", id));
    assertEquals(
        3,
        Db.count(
            ds,
            "select last_sequence from kam_chassis.consumer_position where subject = ?",
            subject));
  }

  @Test
  void anEventNotNewerThanTheLastAppliedIsSkipped() {
    String subject = UUID.randomUUID().toString();
    known(subject);
    TestKafka.send(
        TOPIC, subject, event(UUID.randomUUID().toString(), "test.changed.v1", subject, 5, "{}"));
    TestKafka.send(
        TOPIC, subject, event(UUID.randomUUID().toString(), "test.old.v1", subject, 4, "{}"));
    TestKafka.send(
        TOPIC, subject, event(UUID.randomUUID().toString(), "test.changed.v1", subject, 6, "{}"));
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject) == 3);
    assertEquals(
        0,
        Db.count(
            ds,
            "select count(*) from applied_event where subject = ? and type = 'test.old.v1'",
            subject));
  }

  @Test
  void eventsForAnUnknownSubjectAreParkedThenAppliedInOrderWhenItArrives() {
    String subject = UUID.randomUUID().toString();
    TestKafka.send(
        TOPIC, subject, event(UUID.randomUUID().toString(), "test.changed.v1", subject, 2, "{}"));
    TestKafka.send(
        TOPIC, subject, event(UUID.randomUUID().toString(), "test.changed.v1", subject, 3, "{}"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Db.count(
                        ds,
                        "select count(*) from kam_chassis.parked_event where subject = ?",
                        subject)
                    == 2);
    assertEquals(0, applied(subject));
    assertEquals(
        0,
        Db.count(ds, "select count(*) from kam_chassis.dead_letter where event_key = ?", subject));
    TestKafka.send(
        TOPIC, subject, event(UUID.randomUUID().toString(), "test.known.v1", subject, 1, "{}"));
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject) == 3);
    assertEquals(
        0,
        Db.count(ds, "select count(*) from kam_chassis.parked_event where subject = ?", subject));
    assertEquals(
        3, Db.count(ds, "select max(sequence) from applied_event where subject = ?", subject));
  }

  @Test
  void aPoisonRecordIsDeadLetteredAndTheConsumerMovesOn() {
    String subject = UUID.randomUUID().toString();
    known(subject);
    TestKafka.send(TOPIC, subject, new byte[] {(byte) 0xff, 0x00, 0x7b, 0x22});
    TestKafka.send(
        TOPIC, subject, event(UUID.randomUUID().toString(), "test.changed.v1", subject, 2, "{}"));
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject) == 2);
    List<ConsumerRecord<String, String>> dlq =
        TestKafka.readUntil(
            TOPIC + ".dlq",
            rs -> rs.stream().anyMatch(r -> subject.equals(r.key())),
            Duration.ofSeconds(20));
    ConsumerRecord<String, String> letter =
        dlq.stream().filter(r -> subject.equals(r.key())).findFirst().orElseThrow();
    assertTrue(TestKafka.header(letter, "dead-letter-reason").startsWith("malformed"));
    assertEquals("chassis-test", TestKafka.header(letter, "dead-letter-consumer"));
    assertEquals(TOPIC, TestKafka.header(letter, "dead-letter-topic"));
    assertTrue(Long.parseLong(TestKafka.header(letter, "dead-letter-offset")) >= 0);
    io.restassured.RestAssured.given().get(readiness).then().statusCode(200);
  }

  @Test
  void anEventThatKeepsFailingIsDeadLetteredAfterBoundedRetries() {
    String subject = UUID.randomUUID().toString();
    known(subject);
    TestKafka.send(
        TOPIC,
        subject,
        event(UUID.randomUUID().toString(), "test.changed.v1", subject, 2, "{\"fail\":true}"));
    TestKafka.send(
        TOPIC, subject, event(UUID.randomUUID().toString(), "test.changed.v1", subject, 3, "{}"));
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject) == 2);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Db.count(
                        ds,
                        "select count(*) from kam_chassis.dead_letter where event_key = ? and reason like 'failed after 3 attempts%'",
                        subject)
                    == 1);
  }
}
