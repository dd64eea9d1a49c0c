package io.kam.chassis.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.testapp.TestEventHandler;
import io.kam.platform.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The application's real consumer thread loses its database connection in the middle of the
 * transaction that applies an event, after the effect was written and before anything commits.
 * Nothing of that attempt survives, the offset is not committed past the event, and the retry
 * applies it exactly once; a transient failure never reaches the dead letters.
 */
@QuarkusTest
class CrashBeforeCommitTest {

  static final String TOPIC = "kam.account.events";
  static final String SOURCE = "/account-service";

  @Inject AgroalDataSource ds;

  @Test
  void anEventWhoseTransactionDiesMidwayIsAppliedOnceAndNotDeadLettered() {
    String subject = UUID.randomUUID().toString();
    TestKafka.send(
        TOPIC,
        subject,
        TestKafka.cloudEvent(
            UUID.randomUUID().toString(), "test.known.v1", SOURCE, subject, 1, "{}"));
    String id = UUID.randomUUID().toString();
    TestKafka.send(
        TOPIC,
        subject,
        TestKafka.cloudEvent(id, "test.changed.v1", SOURCE, subject, 2, "{\"crash\":true}"));
    String after = UUID.randomUUID().toString();
    TestKafka.send(
        TOPIC, subject, TestKafka.cloudEvent(after, "test.changed.v1", SOURCE, subject, 3, "{}"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Db.count(ds, "select count(*) from applied_event where event_id = ?", after) == 1);
    assertTrue(TestEventHandler.CRASHED.contains(id), "the first application crashed");
    assertEquals(1, Db.count(ds, "select count(*) from applied_event where event_id = ?", id));
    assertEquals(
        0,
        Db.count(ds, "select count(*) from kam_chassis.dead_letter where event_key = ?", subject));
    assertEquals(
        3,
        Db.count(
            ds,
            "select last_sequence from kam_chassis.consumer_position where subject = ?",
            subject));
  }
}
