package io.kam.chassis.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** Event counters: published and consumed per type, dead letters per topic. */
@Singleton
public class EventMetrics {

  private final MeterRegistry registry;

  public EventMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void published(String type) {
    Counter.builder("kam.events.published").description("Events published from the outbox")
        .tag("type", type).register(registry).increment();
  }

  void consumed(String type, String outcome) {
    Counter.builder("kam.events.consumed").description("Events consumed, by outcome")
        .tag("type", type == null ? "unknown" : type).tag("outcome", outcome).register(registry).increment();
  }

  void deadLettered(String topic) {
    Counter.builder("kam.events.dead.letters").description("Events sent to a dead-letter topic")
        .tag("topic", topic).register(registry).increment();
  }
}
