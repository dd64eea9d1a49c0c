package io.kam.chassis.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies a polled batch of records in one transaction, with the rules of {@link EventInbox} and
 * {@link OrderedApply}: one statement each for the subject locks, the processed ids, the positions
 * read and written, and the parked events, whatever the batch's size. Handlers run in record order
 * (per subject, partition order), positions tracked in memory across the batch. Anything that would
 * need a decision of its own (a malformed or invalid event, a refused sequence, a handler failure,
 * a transient error) throws {@link Fallback} or the failure itself, and the transaction rolls back
 * whole: the caller then applies the batch record by record.
 */
@Singleton
class BatchApply {

  /** What happened to one record of an applied batch. */
  record Result(CloudEvent event, InboxOutcome outcome, boolean gap) {}

  /** The batch cannot be applied as one: nothing was kept, apply it record by record. */
  static final class Fallback extends RuntimeException {
    Fallback(String reason) {
      super(reason, null, false, false);
    }
  }

  /** A batch's results, and the applied subjects that have parked events to replay. */
  record Applied(List<Result> results, Set<String> toReplay) {}

  private final InboxBatchStore store;
  private final EventHandlers handlers;
  private final EventsConfig config;
  private final Instance<EntityManager> entityManager;
  private final Tracer tracer;

  BatchApply(
      InboxBatchStore store,
      EventHandlers handlers,
      EventsConfig config,
      Instance<EntityManager> entityManager,
      Tracer tracer) {
    this.tracer = tracer;
    this.store = store;
    this.handlers = handlers;
    this.config = config;
    this.entityManager = entityManager;
  }

  private record Item(ConsumerRecord<String, String> record, CloudEvent event) {}

  Applied apply(List<ConsumerRecord<String, String>> records) {
    List<Item> items = new ArrayList<>(records.size());
    for (ConsumerRecord<String, String> r : records) {
      items.add(new Item(r, checked(r)));
    }
    return QuarkusTransaction.requiringNew().call(() -> applyInTransaction(items));
  }

  /** Parsed, validated and with a handler, or {@link Fallback}: the record path decides. */
  private CloudEvent checked(ConsumerRecord<String, String> record) {
    CloudEvent event;
    try {
      event = record.value() == null ? null : EventJson.read(record.value());
    } catch (JsonProcessingException e) {
      event = null;
    }
    if (event == null || !event.isComplete() || event.sequence() < 1 || !isUuid(event.id())) {
      throw new Fallback("a record is not a complete CloudEvent");
    }
    handlers.forTopic(record.topic());
    EventSchemas.validate(event);
    return event;
  }

  private Applied applyInTransaction(List<Item> items) {
    Set<String> subjects = new LinkedHashSet<>();
    Set<InboxBatchStore.Stream> streams = new LinkedHashSet<>();
    Map<String, Integer> lastIndexOfSubject = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      CloudEvent e = items.get(i).event();
      subjects.add(e.subject());
      streams.add(new InboxBatchStore.Stream(e.source(), e.subject()));
      lastIndexOfSubject.put(e.subject(), i);
    }
    store.lockSubjects(subjects);
    Set<String> fresh = store.markProcessed(items.stream().map(i -> idOf(i.event())).toList());
    Set<String> parked = new HashSet<>(store.withParked(subjects));
    Map<InboxBatchStore.Stream, Long> last = store.lastSequences(streams);
    Map<InboxBatchStore.Stream, Long> advanced = new LinkedHashMap<>();
    List<InboxBatchStore.ToPark> toPark = new ArrayList<>();
    Set<String> appliedSubjects = new HashSet<>();
    Set<String> seen = new HashSet<>();
    List<Result> results = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      CloudEvent event = item.event();
      if (!fresh.contains(idOf(event)) || !seen.add(idOf(event))) {
        results.add(new Result(event, InboxOutcome.DUPLICATE, false));
        continue;
      }
      InboxBatchStore.Stream stream = new InboxBatchStore.Stream(event.source(), event.subject());
      Result result = applyOne(item, last.get(stream));
      results.add(result);
      if (result.outcome() == InboxOutcome.PARKED) {
        parked.add(event.subject());
        toPark.add(new InboxBatchStore.ToPark(origin(item.record()), event));
      } else if (result.outcome() == InboxOutcome.APPLIED) {
        appliedSubjects.add(event.subject());
        if (parked.contains(event.subject()) && lastIndexOfSubject.get(event.subject()) > i) {
          // Record by record, the parked events of this subject would be replayed before its next
          // event; the batch cannot keep that order.
          throw new Fallback("a subject with parked events has more events in the batch");
        }
        if (last.get(stream) == null || event.sequence() > last.get(stream)) {
          last.put(stream, event.sequence());
          advanced.put(stream, event.sequence());
        }
      }
    }
    store.savePositions(advanced);
    store.park(toPark);
    appliedSubjects.retainAll(parked);
    return new Applied(results, appliedSubjects);
  }

  /** The rules of {@link OrderedApply} against the position tracked in memory. */
  private Result applyOne(Item item, Long last) {
    CloudEvent event = item.event();
    String topic = item.record().topic();
    EventKind kind = handlers.kindOf(topic, event.type());
    long seq = event.sequence();
    boolean newer = last == null || seq > last;
    if (!newer && kind == EventKind.STATE) {
      return new Result(event, InboxOutcome.STALE, false);
    }
    long base = last == null ? 0 : last;
    if (newer && seq - base > config.consumer().maxSequenceJump()) {
      throw new Fallback("a sequence jumps too far");
    }
    try {
      Traceparent.within(
          tracer, event.type(), event.traceparent(), () -> handlers.forTopic(topic).apply(event));
      isolate();
    } catch (SubjectNotKnownYet e) {
      return new Result(event, InboxOutcome.PARKED, false);
    }
    return new Result(event, InboxOutcome.APPLIED, newer && seq > base + 1);
  }

  /**
   * Writes what the handler left in the persistence context and forgets it, so the next event's
   * handler sees its effects through plain SQL too and loads entities afresh, as it would in a
   * transaction of its own.
   */
  private void isolate() {
    if (entityManager.isResolvable()) {
      EntityManager em = entityManager.get();
      em.flush();
      em.clear();
    }
  }

  private static EventInbox.Origin origin(ConsumerRecord<String, String> r) {
    return new EventInbox.Origin(r.topic(), r.partition(), r.offset());
  }

  /** The id as PostgreSQL writes a uuid, so ids sent in any case match those returned. */
  private static String idOf(CloudEvent event) {
    return java.util.UUID.fromString(event.id()).toString();
  }

  private static boolean isUuid(String id) {
    try {
      java.util.UUID.fromString(id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
