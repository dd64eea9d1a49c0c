package io.kam.chassis.messaging;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Replays parked events once their subject is known, each in a transaction of its own, so a failing
 * one is dead-lettered alone; and moves a parked event to the dead letters.
 */
@Singleton
class ParkedReplay {

  /** A parked event (null when its payload is not a complete CloudEvent) and where it came from. */
  record Parked(CloudEvent event, DeadLetters.Letter origin) {}

  private final InboxStore store;
  private final OrderedApply ordered;
  private final EventHandlers handlers;
  private final DeadLetters deadLetters;
  private final EventMetrics metrics;

  ParkedReplay(
      InboxStore store,
      OrderedApply ordered,
      EventHandlers handlers,
      DeadLetters deadLetters,
      EventMetrics metrics) {
    this.store = store;
    this.ordered = ordered;
    this.handlers = handlers;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /**
   * Replays what is parked for {@code subject}, each event on its own; returns how many left the
   * park.
   */
  int replay(String subject) {
    List<Long> ids;
    try {
      ids = store.parkedIds(subject);
    } catch (RuntimeException e) {
      Log.warnf("parked events of %s are retried later: %s", subject, e.getMessage());
      return 0;
    }
    int done = 0;
    for (long id : ids) {
      if (replayOne(id, subject)) {
        done++;
      }
    }
    return done;
  }

  /**
   * One parked event in a transaction of its own: applied, still parked, or dead-lettered alone.
   */
  private boolean replayOne(long id, String subject) {
    Parked[] seen = new Parked[1];
    boolean[] gap = new boolean[1];
    try {
      boolean left =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    store.lockSubject(subject);
                    Optional<Parked> parked = store.lockParked(id);
                    if (parked.isEmpty()) {
                      return false; // replayed by another thread or instance meanwhile
                    }
                    seen[0] = parked.get();
                    CloudEvent event = seen[0].event();
                    if (event == null) {
                      throw new PermanentEventFailure(
                          "malformed: a parked event is not a complete CloudEvent");
                    }
                    String topic = seen[0].origin().topic();
                    InboxOutcome o =
                        ordered.apply(
                            topic,
                            event,
                            handlers.forTopic(topic),
                            handlers.kindOf(topic, event.type()),
                            gap);
                    if (o == InboxOutcome.PARKED) {
                      return false;
                    }
                    store.deleteParked(id);
                    return true;
                  });
      if (gap[0]) {
        metrics.sequenceGap(seen[0].origin().topic());
      }
      return left;
    } catch (RuntimeException e) {
      if (seen[0] == null || Failures.isTransient(e)) {
        Log.warnf("parked event %d is retried later: %s", id, e.getMessage());
        return false;
      }
      deadLetter(id, seen[0].origin(), Failures.reasonOf(e));
      return true;
    }
  }

  /** Moves a parked event to the dead letters in one transaction, then publishes it. */
  void deadLetter(long parkedId, DeadLetters.Letter letter, String reason) {
    DeadLetters.Letter withReason =
        new DeadLetters.Letter(
            letter.topic(),
            letter.partition(),
            letter.offset(),
            letter.key(),
            letter.payload(),
            reason);
    boolean moved =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  if (!store.deleteParked(parkedId)) {
                    return false;
                  }
                  deadLetters.store(withReason);
                  return true;
                });
    if (moved) {
      deadLetters.publish(withReason);
    }
  }
}
