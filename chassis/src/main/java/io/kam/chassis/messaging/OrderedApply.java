package io.kam.chassis.messaging;

import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Singleton;

/**
 * Applies an event in sequence order, inside the caller's transaction: a stale STATE is skipped, a
 * FACT is applied whatever came after it, a sequence jumping too far is refused, an event about an
 * unknown subject is reported PARKED; the position advances only for a newer sequence.
 */
@Singleton
class OrderedApply {

  private final InboxStore store;
  private final EventMetrics metrics;
  private final EventsConfig config;
  private final Tracer tracer;

  OrderedApply(InboxStore store, EventMetrics metrics, EventsConfig config, Tracer tracer) {
    this.tracer = tracer;
    this.store = store;
    this.metrics = metrics;
    this.config = config;
  }

  /**
   * {@code gap[0]} is set when the event skipped sequences (counted by the caller after commit).
   */
  InboxOutcome apply(
      String topic, CloudEvent event, EventHandler handler, EventKind kind, boolean[] gap) {
    long seq = event.sequence();
    if (seq < 1) {
      throw new PermanentEventFailure("sequence " + seq + " is not a positive number");
    }
    Long last = store.lastSequence(event.source(), event.subject());
    boolean newer = last == null || seq > last;
    if (!newer && kind == EventKind.STATE) {
      return InboxOutcome.STALE;
    }
    long base = last == null ? 0 : last;
    if (newer && seq - base > config.consumer().maxSequenceJump()) {
      metrics.sequenceJump(topic);
      throw new PermanentEventFailure(
          "suspicious sequence: "
              + seq
              + " jumps more than "
              + config.consumer().maxSequenceJump()
              + " past the last applied "
              + base
              + " of this subject");
    }
    try {
      Traceparent.within(tracer, event.type(), event.traceparent(), () -> handler.apply(event));
    } catch (SubjectNotKnownYet e) {
      return InboxOutcome.PARKED;
    }
    if (newer) {
      gap[0] = seq > base + 1;
      store.savePosition(event.source(), event.subject(), seq);
    }
    return InboxOutcome.APPLIED;
  }
}
