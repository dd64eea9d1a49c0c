package io.kam.chassis.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What every {@code @Incoming} method of a service calls with its record: parse, apply through
 * the inbox with bounded retries, and dead-letter what still fails. It never throws, so one bad
 * record never stops a consumer.
 */
@Singleton
public class EventConsumer {

  private final EventInbox inbox;
  private final DeadLetters deadLetters;
  private final EventMetrics metrics;
  private final EventsConfig config;

  public EventConsumer(EventInbox inbox, DeadLetters deadLetters, EventMetrics metrics, EventsConfig config) {
    this.inbox = inbox;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.config = config;
  }

  public void consume(ConsumerRecord<String, String> record) {
    CloudEvent event;
    try {
      event = record.value() == null ? null : EventJson.read(record.value());
    } catch (JsonProcessingException e) {
      event = null;
    }
    if (event == null || !event.isComplete()) {
      metrics.consumed(null, "malformed");
      deadLetters.send(record, "malformed: not a complete CloudEvent");
      return;
    }
    RuntimeException last = null;
    int attempts = config.consumer().maxAttempts();
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        InboxOutcome outcome = inbox.apply(record.topic(), event);
        metrics.consumed(event.type(), outcome.name().toLowerCase());
        return;
      } catch (RuntimeException e) {
        last = e;
        Log.debugf("attempt %d of %d failed for event %s: %s", attempt, attempts, event.id(), e.getMessage());
        sleep(config.consumer().backoff().toMillis() * attempt);
      }
    }
    metrics.consumed(event.type(), "dead-lettered");
    deadLetters.send(record, "failed after " + attempts + " attempts: " + reasonOf(last));
  }

  static String reasonOf(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage() == null ? "processing error" : root.getMessage();
    return msg.length() > 500 ? msg.substring(0, 500) : msg;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
