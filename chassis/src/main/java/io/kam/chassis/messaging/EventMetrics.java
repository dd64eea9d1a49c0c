package io.kam.chassis.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Event counters: published and consumed per type; dead letters, sequence gaps and jumps, transient
 * failures per topic.
 */
@Singleton
public class EventMetrics {

  private final MeterRegistry registry;

  public EventMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void published(String type) {
    Counter.builder("kam.events.published")
        .description("Events published from the outbox")
        .tag("type", type)
        .register(registry)
        .increment();
  }

  void consumed(String type, String outcome) {
    Counter.builder("kam.events.consumed")
        .description("Events consumed, by outcome")
        .tag("type", type == null ? "unknown" : type)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A polled batch: applied as one transaction, or record by record after a failure. */
  void batch(String topic, String outcome) {
    Counter.builder("kam.events.batches")
        .description("Polled batches of events, by how they were applied")
        .tag("topic", topic)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /**
   * A subject's sequence skipped numbers (events lost or dead-lettered upstream): applied,
   * reported.
   */
  void sequenceGap(String topic) {
    Counter.builder("kam.events.sequence.gaps")
        .description("Events whose sequence skipped numbers of their subject")
        .tag("topic", topic)
        .register(registry)
        .increment();
  }

  /** A sequence jumped further than the configured bound: dead-lettered, the mark stays. */
  void sequenceJump(String topic) {
    Counter.builder("kam.events.sequence.jumps")
        .description("Events dead-lettered for a suspicious sequence jump")
        .tag("topic", topic)
        .register(registry)
        .increment();
  }

  /**
   * A transient failure (database unreachable, lock timeout, deadlock) made the consumer wait and
   * retry.
   */
  void transientFailure(String topic) {
    Counter.builder("kam.events.transient.failures")
        .description("Transient failures retried by a consumer")
        .tag("topic", topic)
        .register(registry)
        .increment();
  }

  void deadLettered(String topic) {
    Counter.builder("kam.events.dead.letters")
        .description("Events sent to a dead-letter topic")
        .tag("topic", topic)
        .register(registry)
        .increment();
  }
}
