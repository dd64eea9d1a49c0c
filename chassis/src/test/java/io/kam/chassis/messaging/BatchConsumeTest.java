package io.kam.chassis.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kam.platform.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A polled batch applied in one transaction, with the guarantees of the record-by-record path:
 * order per subject, duplicates and stale states skipped, a bad record dead-lettered alone, events
 * of an unknown subject parked and replayed. Records are handed to the consumer as the channel
 * would hand a poll, so each test decides exactly what one batch holds; the database, the handler
 * and the dead-letter topic are the real ones.
 */
@QuarkusTest
class BatchConsumeTest {

  static final String TOPIC = "kam.account.events";
  static final String SOURCE = "/account-service";
  private static final AtomicLong OFFSET = new AtomicLong(1_000_000_000L);

  @Inject EventConsumer consumer;
  @Inject AgroalDataSource ds;

  /** A batch being built: records of the test topic, one partition, increasing offsets. */
  private static final class Batch {
    final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    String add(String type, String subject, long seq, String data) {
      String id = UUID.randomUUID().toString();
      return add(id, type, subject, seq, data);
    }

    String add(String id, String type, String subject, long seq, String data) {
      raw(subject, TestKafka.cloudEvent(id, type, SOURCE, subject, seq, data));
      return id;
    }

    void raw(String key, String value) {
      records.add(new ConsumerRecord<>(TOPIC, 0, OFFSET.incrementAndGet(), key, value));
    }
  }

  private List<String> appliedIds(String subject) {
    List<String> ids = new ArrayList<>();
    long n = Db.count(ds, "select count(*) from applied_event where subject = ?", subject);
    for (long i = 0; i < n; i++) {
      ids.add(
          Db.text(
              ds,
              "select event_id from applied_event where subject = ? order by id offset ?",
              subject,
              i));
    }
    return ids;
  }

  private long position(String subject) {
    return Db.count(
        ds,
        "select coalesce(max(last_sequence), 0) from kam_chassis.consumer_position"
            + " where consumer = 'chassis-test' and subject = ?",
        subject);
  }

  private long parked(String subject) {
    return Db.count(ds, "select count(*) from kam_chassis.parked_event where subject = ?", subject);
  }

  @Test
  void appliesTwoEventsOfOneSubjectInOneTransactionInOrder() {
    String s = UUID.randomUUID().toString();
    String t = UUID.randomUUID().toString();
    Batch b = new Batch();
    String known = b.add("test.known.v1", s, 1, "{}");
    String otherKnown = b.add("test.known.v1", t, 1, "{}");
    String second = b.add("test.changed.v1", s, 2, "{}");
    String third = b.add("test.changed.v1", s, 3, "{}");

    assertTrue(consumer.consumeBatch(b.records), "applied as one batch");

    assertEquals(List.of(known, second, third), appliedIds(s));
    assertEquals(List.of(otherKnown), appliedIds(t));
    assertEquals(3, position(s));
    assertEquals(1, position(t));
  }

  @Test
  void skipsADuplicateIdAndAStaleStateInTheBatch() {
    String s = UUID.randomUUID().toString();
    Batch first = new Batch();
    String known = first.add("test.known.v1", s, 1, "{}");
    String fact = first.add("test.fact.v1", s, 2, "{}");
    assertTrue(consumer.consumeBatch(first.records));

    Batch b = new Batch();
    String changed = b.add("test.changed.v1", s, 4, "{}");
    b.add(changed, "test.changed.v1", s, 4, "{}"); // redelivered within the batch
    b.add(fact, "test.fact.v1", s, 2, "{}"); // redelivered from the previous batch
    String stale = b.add("test.changed.v1", s, 3, "{}");
    String olderFact = b.add("test.fact.v1", s, 3, "{}");

    assertTrue(consumer.consumeBatch(b.records), "applied as one batch");

    assertEquals(List.of(known, fact, changed, olderFact), appliedIds(s));
    assertFalse(appliedIds(s).contains(stale));
    assertEquals(4, position(s));
  }

  @Test
  void deadLettersOnlyThePermanentlyBadRecordAndAppliesTheOthersInOrder() {
    String s = UUID.randomUUID().toString();
    Batch b = new Batch();
    String known = b.add("test.known.v1", s, 1, "{}");
    String second = b.add("test.changed.v1", s, 2, "{}");
    b.raw(s, "{ this is not a CloudEvent");
    String jump = b.add("test.changed.v1", s, 1_000_000_000L, "{}");
    String fourth = b.add("test.changed.v1", s, 3, "{}");

    assertFalse(consumer.consumeBatch(b.records), "applied record by record");

    assertEquals(List.of(known, second, fourth), appliedIds(s));
    assertFalse(appliedIds(s).contains(jump));
    assertEquals(3, position(s));
    String reasons =
        Db.text(
            ds,
            "select string_agg(reason, ' | ' order by id) from kam_chassis.dead_letter"
                + " where event_key = ?",
            s);
    assertTrue(reasons.startsWith("malformed"), reasons);
    assertTrue(reasons.contains("suspicious sequence"), reasons);
    assertEquals(
        2, Db.count(ds, "select count(*) from kam_chassis.dead_letter where event_key = ?", s));
  }

  @Test
  void parksEventsOfAnUnknownSubjectAndReplaysThemWhenABatchMakesItKnown() {
    String s = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    Batch early = new Batch();
    String second = early.add("test.changed.v1", s, 2, "{}");
    String third = early.add("test.changed.v1", s, 3, "{}");
    early.add("test.known.v1", other, 1, "{}");
    assertTrue(consumer.consumeBatch(early.records));
    assertEquals(2, parked(s));
    assertEquals(List.of(), appliedIds(s));

    Batch b = new Batch();
    b.add("test.known.v1", other, 2, "{}");
    String known = b.add("test.known.v1", s, 1, "{}");
    assertTrue(consumer.consumeBatch(b.records));

    assertEquals(List.of(known, second, third), appliedIds(s));
    assertEquals(0, parked(s));
    assertEquals(3, position(s));
  }

  @Test
  void aSubjectParkedInTheBatchWithLaterEventsFallsBackAndKeepsTheRecordByRecordOrder() {
    String s = UUID.randomUUID().toString();
    Batch b = new Batch();
    String second = b.add("test.changed.v1", s, 2, "{}");
    String known = b.add("test.known.v1", s, 1, "{}");
    String third = b.add("test.changed.v1", s, 3, "{}");

    assertFalse(consumer.consumeBatch(b.records), "applied record by record");

    assertEquals(List.of(known, second, third), appliedIds(s));
    assertEquals(0, parked(s));
    assertEquals(3, position(s));
  }
}
