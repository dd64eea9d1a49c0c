package io.kam.chassis.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Connection;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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
  private volatile boolean stopping;

  public EventConsumer(
      EventInbox inbox,
      DeadLetters deadLetters,
      EventMetrics metrics,
      EventsConfig config,
      ConsumerPauses health,
      AgroalDataSource dataSource) {
    this.inbox = inbox;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.config = config;
    this.health = health;
    this.dataSource = dataSource;
  }

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  public void consume(ConsumerRecord<String, String> record) {
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
      InboxOutcome outcome =
          inbox.apply(
              new EventInbox.Origin(record.topic(), record.partition(), record.offset()), event);
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
