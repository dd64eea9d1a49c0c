package io.kam.chassis.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * What every {@code @Incoming} method of a service calls with its record: parse, apply through the
 * inbox, and decide what a failure means. A transient failure (database unreachable, lock timeout,
 * deadlock) is retried with growing backoff until it passes: the record is not acknowledged
 * meanwhile, so its offset is not committed, the connector stops fetching once its queue is full,
 * and readiness shows the consumer paused. A permanent failure (malformed, schema-violating,
 * rule-breaking) goes to {@code <topic>.dlq} at once; a failure of unknown kind after bounded
 * attempts, and only while the database answers. It returns only when the record is applied,
 * skipped or dead-lettered, so no record is lost and none blocks for ever.
 */
@Singleton
public class EventConsumer {

  private final EventInbox inbox;
  private final DeadLetters deadLetters;
  private final EventMetrics metrics;
  private final EventsConfig config;
  private final ConsumerPauses health;
  private final AgroalDataSource dataSource;
  private final BatchApply batch;
  private final ParkedReplay replay;
  private final TopicGate gate;
  private final EventHop hop;
  private volatile boolean stopping;

  public EventConsumer(
      EventInbox inbox,
      DeadLetters deadLetters,
      EventMetrics metrics,
      EventsConfig config,
      ConsumerPauses health,
      AgroalDataSource dataSource,
      BatchApply batch,
      ParkedReplay replay,
      TopicGate gate,
      EventHop hop) {
    this.hop = hop;
    this.inbox = inbox;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.config = config;
    this.health = health;
    this.dataSource = dataSource;
    this.batch = batch;
    this.replay = replay;
    this.gate = gate;
  }

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  /**
   * What every {@code @Incoming} method calls with its poll's batch: the whole batch applied in one
   * transaction ({@link BatchApply}); when anything in it fails, nothing of it is kept and each
   * record goes through {@link #consume}, which dead-letters, retries and pauses exactly as for a
   * single record. Returns when every record is applied, skipped or dead-lettered.
   */
  public void consumeBatch(ConsumerRecords<String, String> records) {
    List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
    records.forEach(list::add);
    consumeBatch(list);
  }

  /**
   * The records of one topic, in the order they were polled (per partition, by offset). True when
   * they were applied in one transaction, false when record by record.
   */
  public boolean consumeBatch(List<ConsumerRecord<String, String>> records) {
    if (records.isEmpty()) {
      return false;
    }
    String topic = records.get(0).topic();
    gate.enter(topic);
    try {
      return consumeBatchOpen(records);
    } finally {
      gate.exit(topic);
    }
  }

  private boolean consumeBatchOpen(List<ConsumerRecord<String, String>> records) {
    if (records.size() < 2) {
      records.forEach(this::consume);
      return false;
    }
    BatchApply.Applied applied;
    try {
      applied = batch.apply(records);
    } catch (RuntimeException e) {
      metrics.batch(records.get(0).topic(), "record-by-record");
      Log.debugf(
          "a batch of %d records of %s is applied record by record: %s",
          records.size(), records.get(0).topic(), e.getMessage());
      records.forEach(this::consume);
      return false;
    }
    String topic = records.get(0).topic();
    metrics.batch(topic, "applied");
    List<BatchApply.Result> results = applied.results();
    for (int i = 0; i < results.size(); i++) {
      BatchApply.Result r = results.get(i);
      if (r.outcome() == InboxOutcome.APPLIED) {
        hop.applied(records.get(i)); // one result per record, in order; committed by now
      }
      metrics.consumed(r.event().type(), r.outcome().name().toLowerCase());
      if (r.gap()) {
        metrics.sequenceGap(topic);
      }
    }
    health.resumed(topic);
    applied.toReplay().forEach(replay::replay);
    return true;
  }

  public void consume(ConsumerRecord<String, String> record) {
    gate.enter(record.topic());
    try {
      consumeOpen(record);
    } finally {
      gate.exit(record.topic());
    }
  }

  private void consumeOpen(ConsumerRecord<String, String> record) {
    int failures = 0;
    long backoff = config.consumer().backoff().toMillis();
    while (true) {
      try {
        attempt(record, failures);
        health.resumed(record.topic());
        return;
      } catch (RuntimeException e) {
        if (isTransient(e)) {
          metrics.transientFailure(record.topic());
          health.paused(record.topic(), "database unreachable or busy, retrying");
          Log.warnf(
              "event %s-%d@%d waits for a transient failure to pass: %s",
              record.topic(), record.partition(), record.offset(), e.getMessage());
        } else {
          failures++;
          Log.debugf(
              "attempt %d failed for %s-%d@%d: %s",
              failures, record.topic(), record.partition(), record.offset(), e.getMessage());
        }
        if (stopping) {
          // Not acknowledged: the offset stays uncommitted and the next consumer gets the record.
          throw new IllegalStateException("consumer stopping while an event waits", e);
        }
        sleep(backoff);
        backoff = Math.min(backoff * 2, config.consumer().maxBackoff().toMillis());
      }
    }
  }

  /** One attempt: applied, skipped or dead-lettered; throws to be retried. */
  private void attempt(ConsumerRecord<String, String> record, int failuresSoFar) {
    CloudEvent event = parse(record);
    if (event == null) {
      deadLetters.send(record, "malformed: not a complete CloudEvent");
      metrics.consumed(null, "malformed");
      return;
    }
    try {
      // The hop ends when the inbox's transaction has committed, before parked events are replayed
      // (as for a batch).
      InboxOutcome outcome =
          inbox.apply(
              new EventInbox.Origin(record.topic(), record.partition(), record.offset()),
              event,
              () -> hop.applied(record));
      metrics.consumed(event.type(), outcome.name().toLowerCase());
    } catch (PermanentEventFailure e) {
      deadLetters.send(record, e.getMessage());
      metrics.consumed(event.type(), "dead-lettered");
    } catch (RuntimeException e) {
      if (isTransient(e) || failuresSoFar + 1 < config.consumer().maxAttempts()) {
        throw e;
      }
      deadLetters.send(
          record,
          "failed after " + config.consumer().maxAttempts() + " attempts: " + Failures.reasonOf(e));
      metrics.consumed(event.type(), "dead-lettered");
    }
  }

  private static CloudEvent parse(ConsumerRecord<String, String> record) {
    try {
      CloudEvent event = record.value() == null ? null : EventJson.read(record.value());
      return event == null || !event.isComplete() ? null : event;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /**
   * By SQLState and exception type first; a failure of unknown kind counts as transient while the
   * database does not answer, so an outage never sends events to the dead letters.
   */
  private boolean isTransient(RuntimeException e) {
    return Failures.isTransient(e) || !databaseAnswers();
  }

  private boolean databaseAnswers() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (Exception e) {
      return false;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("consumer interrupted while an event waits", e);
    }
  }
}
