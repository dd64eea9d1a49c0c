package io.kam.chassis.messaging;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The inbox's tables for a whole batch of events, each step one statement whatever the batch's
 * size, in the caller's transaction. Same tables and lock keys as {@link InboxStore}, so a batch
 * and a single event (a fallback, a replay) exclude each other per subject.
 */
@Singleton
class InboxBatchStore {

  /** A producer's subject: the key of a consumer position. */
  record Stream(String producer, String subject) {}

  /** An event to park, with where it came from. */
  record ToPark(EventInbox.Origin origin, CloudEvent event) {}

  private final Jdbc jdbc;
  private final String consumer;

  InboxBatchStore(Jdbc jdbc, @ConfigProperty(name = "kam.service.name") String consumer) {
    this.jdbc = jdbc;
    this.consumer = consumer;
  }

  /**
   * Takes the per-subject locks of {@link InboxStore#lockSubject} for every subject, in the order
   * of their lock keys: two batches wait for each other but never deadlock, and a single event
   * holds one lock only, so it closes no cycle either. The sorted subquery fixes the order in which
   * the outer aggregate calls the lock function.
   */
  void lockSubjects(Collection<String> subjects) {
    List<String> keys = subjects.stream().map(s -> consumer + ":" + s).distinct().toList();
    jdbc.one(
        "select count(pg_advisory_xact_lock(k.h)) n from (select distinct hashtextextended(key, 0) h"
            + " from unnest(:keys::text[]) key order by h) k",
        SqlParams.none().array("keys", "text", keys),
        r -> r.longValue("n"));
  }

  /** Records the event ids; returns those not processed before. */
  Set<String> markProcessed(Collection<String> eventIds) {
    return new HashSet<>(
        jdbc.list(
            "insert into kam_chassis.processed_event (consumer, event_id)"
                + " select :consumer, id::uuid from unnest(:ids::text[]) id"
                + " on conflict do nothing returning event_id::text id",
            SqlParams.of("consumer", consumer).array("ids", "text", List.copyOf(eventIds)),
            r -> r.string("id")));
  }

  /** The subjects among {@code subjects} that have parked events. */
  Set<String> withParked(Collection<String> subjects) {
    return new HashSet<>(
        jdbc.list(
            "select distinct subject from kam_chassis.parked_event where consumer = :consumer"
                + " and subject = any(:subjects::text[])",
            SqlParams.of("consumer", consumer).array("subjects", "text", List.copyOf(subjects)),
            r -> r.string("subject")));
  }

  /** The last applied sequences of the streams, locked; a stream never applied is absent. */
  Map<Stream, Long> lastSequences(Collection<Stream> streams) {
    List<String> producers = new ArrayList<>();
    List<String> subjects = new ArrayList<>();
    streams.forEach(
        s -> {
          producers.add(s.producer());
          subjects.add(s.subject());
        });
    Map<Stream, Long> last = new HashMap<>();
    jdbc.list(
        "select p.producer, p.subject, p.last_sequence from kam_chassis.consumer_position p"
            + " join unnest(:producers::text[], :subjects::text[]) as s(producer, subject)"
            + " on p.producer = s.producer and p.subject = s.subject"
            + " where p.consumer = :consumer order by p.producer, p.subject for update of p",
        SqlParams.of("consumer", consumer)
            .array("producers", "text", producers)
            .array("subjects", "text", subjects),
        r ->
            last.put(
                new Stream(r.string("producer"), r.string("subject")),
                r.longValue("last_sequence")));
    return last;
  }

  /** Advances the positions; a position never moves back. */
  void savePositions(Map<Stream, Long> positions) {
    if (positions.isEmpty()) {
      return;
    }
    List<String> producers = new ArrayList<>();
    List<String> subjects = new ArrayList<>();
    List<String> sequences = new ArrayList<>();
    positions.forEach(
        (s, seq) -> {
          producers.add(s.producer());
          subjects.add(s.subject());
          sequences.add(seq.toString());
        });
    jdbc.update(
        "insert into kam_chassis.consumer_position (consumer, producer, subject, last_sequence)"
            + " select :consumer, s.producer, s.subject, s.seq::bigint"
            + " from unnest(:producers::text[], :subjects::text[], :sequences::text[])"
            + " as s(producer, subject, seq) order by s.producer, s.subject"
            + " on conflict (consumer, producer, subject) do update set last_sequence ="
            + " greatest(consumer_position.last_sequence, excluded.last_sequence)",
        SqlParams.of("consumer", consumer)
            .array("producers", "text", producers)
            .array("subjects", "text", subjects)
            .array("sequences", "text", sequences));
  }

  /** Parks the events in list order (ids ascending: replayed in that order within a sequence). */
  void park(List<ToPark> events) {
    if (events.isEmpty()) {
      return;
    }
    List<String> subjects = new ArrayList<>();
    List<String> producers = new ArrayList<>();
    List<String> sequences = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    List<String> partitions = new ArrayList<>();
    List<String> offsets = new ArrayList<>();
    for (ToPark p : events) {
      boolean fromKafka = p.origin().partition() >= 0;
      subjects.add(p.event().subject());
      producers.add(p.event().source());
      sequences.add(p.event().sequence().toString());
      topics.add(p.origin().topic());
      payloads.add(EventJson.write(p.event()));
      partitions.add(fromKafka ? String.valueOf(p.origin().partition()) : null);
      offsets.add(fromKafka ? String.valueOf(p.origin().offset()) : null);
    }
    jdbc.update(
        "insert into kam_chassis.parked_event (consumer, subject, producer, sequence, topic, payload,"
            + " kafka_partition, kafka_offset) select :consumer, e.subject, e.producer,"
            + " e.seq::bigint, e.topic, e.payload, e.part::int, e.off::bigint"
            + " from unnest(:subjects::text[], :producers::text[], :sequences::text[],"
            + " :topics::text[], :payloads::text[], :partitions::text[], :offsets::text[])"
            + " with ordinality as e(subject, producer, seq, topic, payload, part, off, ord)"
            + " order by e.ord",
        SqlParams.of("consumer", consumer)
            .array("subjects", "text", subjects)
            .array("producers", "text", producers)
            .array("sequences", "text", sequences)
            .array("topics", "text", topics)
            .array("payloads", "text", payloads)
            .array("partitions", "text", partitions)
            .array("offsets", "text", offsets));
  }
}
