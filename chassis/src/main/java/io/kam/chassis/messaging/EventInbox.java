package io.kam.chassis.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;

/**
 * The idempotent consumer. In one transaction it records the event id, checks the event's sequence
 * against the last one applied for its producer and subject, and applies it ({@link OrderedApply}).
 * A redelivered id changes nothing; a stale STATE is skipped; a FACT is applied whatever came after
 * it; a sequence jumping further than the configured bound is refused (dead-lettered) so that it
 * cannot freeze the subject. Events about an unknown subject are parked; once one of the subject is
 * applied, each parked event is replayed in a transaction of its own ({@link ParkedReplay}), so a
 * failing one is dead-lettered alone.
 */
@Singleton
public class EventInbox {

  /** Where an event came from; partition and offset are -1 when not from Kafka (a replay). */
  public record Origin(String topic, int partition, long offset) {}

  private final InboxStore store;
  private final OrderedApply ordered;
  private final ParkedReplay parked;
  private final EventHandlers handlers;
  private final EventMetrics metrics;

  EventInbox(
      InboxStore store,
      OrderedApply ordered,
      ParkedReplay parked,
      EventHandlers handlers,
      EventMetrics metrics) {
    this.store = store;
    this.ordered = ordered;
    this.parked = parked;
    this.handlers = handlers;
    this.metrics = metrics;
  }

  public String consumer() {
    return store.consumer();
  }

  /** Applies an event of {@code topic} that did not come from Kafka (an admin's replay). */
  public InboxOutcome apply(String topic, CloudEvent event) {
    return apply(new Origin(topic, -1, -1), event);
  }

  /**
   * Applies an event with its topic's handler, exactly once in effect. Throws {@link
   * PermanentEventFailure} when it can never be applied, other exceptions when it failed now.
   */
  public InboxOutcome apply(Origin origin, CloudEvent event) {
    return apply(origin, event, () -> {});
  }

  /**
   * {@link #apply(Origin, CloudEvent)}, running {@code onApplied} once the event is applied and
   * committed, before the subject's parked events are replayed (the event hop ends there).
   */
  InboxOutcome apply(Origin origin, CloudEvent event, Runnable onApplied) {
    EventHandler handler = handlers.forTopic(origin.topic());
    EventKind kind = handlers.kindOf(origin.topic(), event.type());
    EventSchemas.validate(event);
    boolean[] gap = new boolean[1];
    InboxOutcome outcome =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  gap[0] = false;
                  store.lockSubject(event.subject());
                  if (!store.markProcessed(event.id())) {
                    return InboxOutcome.DUPLICATE;
                  }
                  InboxOutcome o = ordered.apply(origin.topic(), event, handler, kind, gap);
                  if (o == InboxOutcome.PARKED) {
                    store.park(origin, event);
                  }
                  return o;
                });
    if (gap[0]) {
      metrics.sequenceGap(origin.topic());
    }
    if (outcome == InboxOutcome.APPLIED) {
      onApplied.run();
      parked.replay(event.subject());
    }
    return outcome;
  }
}
