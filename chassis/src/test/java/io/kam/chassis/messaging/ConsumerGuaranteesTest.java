package io.kam.chassis.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kam.platform.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * States and facts, schemas, sequence jumps and parked events, through the test app's real channel.
 */
@QuarkusTest
class ConsumerGuaranteesTest {

  static final String TOPIC = "kam.account.events";
  static final String SOURCE = "/account-service";

  @Inject AgroalDataSource ds;
  @Inject ParkedEvents parked;

  private static String send(String type, String subject, long seq, String data) {
    String id = UUID.randomUUID().toString();
    TestKafka.send(TOPIC, subject, TestKafka.cloudEvent(id, type, SOURCE, subject, seq, data));
    return id;
  }

  private long applied(String subject) {
    return Db.count(ds, "select count(*) from applied_event where subject = ?", subject);
  }

  private long applied(String subject, String eventId) {
    return Db.count(
        ds,
        "select count(*) from applied_event where subject = ? and event_id = ?",
        subject,
        eventId);
  }

  private String reasonOf(String subject) {
    return Db.text(
        ds,
        "select string_agg(reason, ' | ') from kam_chassis.dead_letter where event_key = ?",
        subject);
  }

  private String known() {
    String subject = UUID.randomUUID().toString();
    send("test.known.v1", subject, 1, "{}");
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject) == 1);
    return subject;
  }

  @Test
  void aFactOlderThanTheLastAppliedSequenceIsStillAppliedOnce() {
    String subject = known();
    send("test.changed.v1", subject, 5, "{}");
    String fact = UUID.randomUUID().toString();
    String event = TestKafka.cloudEvent(fact, "test.fact.v1", SOURCE, subject, 3, "{}");
    TestKafka.send(TOPIC, subject, event);
    TestKafka.send(TOPIC, subject, event);
    String staleState = send("test.changed.v1", subject, 4, "{}");
    String marker = send("test.changed.v1", subject, 6, "{}");
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject, marker) == 1);
    assertEquals(1, applied(subject, fact));
    assertEquals(0, applied(subject, staleState));
    assertEquals(
        6,
        Db.count(
            ds,
            "select last_sequence from kam_chassis.consumer_position where subject = ?",
            subject));
  }

  @Test
  void aSchemaViolatingEventIsDeadLetteredAtOnceAndChangesNothing() {
    String subject = known();
    String bad = send("test.changed.v1", subject, 2, "{\"count\":\"seven\"}");
    String marker = send("test.changed.v1", subject, 3, "{\"count\":7}");
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject, marker) == 1);
    assertEquals(0, applied(subject, bad));
    String reason = reasonOf(subject);
    assertTrue(
        reason.startsWith("schema: the data of test.changed.v1 violates its schema: $.count"),
        reason);
  }

  @Test
  void aSequenceJumpIsDeadLetteredAndDoesNotFreezeTheSubject() {
    String subject = known();
    String jump = send("test.changed.v1", subject, 9_000_000_000_000_000_000L, "{}");
    String next = send("test.changed.v1", subject, 2, "{}");
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject, next) == 1);
    assertEquals(0, applied(subject, jump));
    assertTrue(
        reasonOf(subject).startsWith("suspicious sequence: 9000000000000000000 jumps more than"),
        reasonOf(subject));
    assertEquals(
        2,
        Db.count(
            ds,
            "select last_sequence from kam_chassis.consumer_position where subject = ?",
            subject));
    RestAssured.given()
        .get(io.kam.chassis.ManagementPort.url("metrics"))
        .then()
        .statusCode(200)
        .body(
            org.hamcrest.Matchers.containsString(
                "kam_events_sequence_jumps_total{topic=\"kam.account.events\"}"));
  }

  @Test
  void aGapInTheSequenceIsAppliedAndCounted() {
    String subject = known();
    String afterGap = send("test.changed.v1", subject, 4, "{}");
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject, afterGap) == 1);
    RestAssured.given()
        .get(io.kam.chassis.ManagementPort.url("metrics"))
        .then()
        .statusCode(200)
        .body(
            org.hamcrest.Matchers.containsString(
                "kam_events_sequence_gaps_total{topic=\"kam.account.events\"}"));
  }

  @Test
  void aParkedEventThatFailsIsDeadLetteredAloneAndItsSubjectStillArrives() {
    String subject = UUID.randomUUID().toString();
    String failing = send("test.changed.v1", subject, 2, "{\"fail\":true}");
    String good = send("test.changed.v1", subject, 3, "{}");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Db.count(
                        ds,
                        "select count(*) from kam_chassis.parked_event where subject = ?",
                        subject)
                    == 2);
    send("test.known.v1", subject, 1, "{}");
    await().atMost(Duration.ofSeconds(20)).until(() -> applied(subject, good) == 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> reasonOf(subject) != null);
    assertEquals(2, applied(subject));
    assertEquals(0, applied(subject, failing));
    assertEquals("the handler rejected the event: this event always fails", reasonOf(subject));
    assertEquals(
        0,
        Db.count(ds, "select count(*) from kam_chassis.parked_event where subject = ?", subject));
    assertTrue(
        Db.count(
                ds, "select kafka_offset from kam_chassis.dead_letter where event_key = ?", subject)
            >= 0);
  }

  @Test
  void anEventParkedLongerThanTheTimeoutIsDeadLetteredAsSubjectNeverArrived() throws Exception {
    String subject = UUID.randomUUID().toString();
    String orphan = send("test.changed.v1", subject, 2, "{}");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Db.count(
                        ds,
                        "select count(*) from kam_chassis.parked_event where subject = ?",
                        subject)
                    == 1);
    parked.check();
    assertTrue(parked.reading().events() >= 1);
    RestAssured.given()
        .get(io.kam.chassis.ManagementPort.url("metrics"))
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("kam_events_parked_oldest_age_seconds"));
    Db.count(
        ds,
        "with u as (update kam_chassis.parked_event set parked_at = now() - interval '25 hours'"
            + " where subject = ? returning 1) select count(*) from u",
        subject);
    parked.check();
    assertEquals(
        0,
        Db.count(ds, "select count(*) from kam_chassis.parked_event where subject = ?", subject));
    assertEquals("subject never arrived", reasonOf(subject));
    assertFalse(
        Db.text(ds, "select payload from kam_chassis.dead_letter where event_key = ?", subject)
            .isEmpty());
    assertEquals(0, applied(subject, orphan));
  }
}
