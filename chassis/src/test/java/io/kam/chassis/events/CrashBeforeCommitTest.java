package io.kam.chassis.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kam.platform.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * A consumer that applied an event but died before committing its offset gets the record again
 * from Kafka; the inbox makes the second application a no-op.
 */
@QuarkusTest
class CrashBeforeCommitTest {

  static final String TOPIC = "kam.score.events";

  @Inject EventInbox inbox;
  @Inject AgroalDataSource ds;

  @Test
  void anEventRedeliveredAfterACrashBeforeTheOffsetCommitIsAppliedOnce() throws Exception {
    String subject = UUID.randomUUID().toString();
    String group = "crash-" + UUID.randomUUID();
    // The subject is known to the handler of kam.account.events; score events use the same handler here.
    inbox.apply("kam.account.events", EventJson.read(TestKafka.cloudEvent(UUID.randomUUID().toString(),
        "test.known.v1", "/account-service", subject, 1, "{}")));
    TestKafka.send(TOPIC, subject, TestKafka.cloudEvent(UUID.randomUUID().toString(), "test.scored.v1",
        "/scoring-service", subject, 1, "{}"));

    // First life: poll, apply, and "die" (close without committing the offset).
    try (KafkaConsumer<String, String> first = TestKafka.consumer(group, false)) {
      first.subscribe(List.of(TOPIC));
      ConsumerRecord<String, String> record = pollFor(first, subject);
      inbox.apply("kam.account.events", EventJson.read(record.value()));
    }
    // Second life: the same group gets the same record again and applies it again.
    try (KafkaConsumer<String, String> second = TestKafka.consumer(group, false)) {
      second.subscribe(List.of(TOPIC));
      ConsumerRecord<String, String> again = pollFor(second, subject);
      assertEquals(InboxOutcome.DUPLICATE, inbox.apply("kam.account.events", EventJson.read(again.value())));
      second.commitSync();
    }
    assertEquals(1, Db.count(ds, "select count(*) from applied_event where subject = ? and type = 'test.scored.v1'", subject));
  }

  private static ConsumerRecord<String, String> pollFor(KafkaConsumer<String, String> c, String key) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
        if (key.equals(r.key())) {
          return r;
        }
      }
    }
    throw new AssertionError("record for " + key + " not received");
  }
}
