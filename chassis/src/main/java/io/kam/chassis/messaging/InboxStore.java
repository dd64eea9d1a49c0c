package io.kam.chassis.messaging;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The inbox's tables, in the caller's transaction: processed event ids, the last applied sequence
 * per producer and subject, the per-subject lock, and parked events.
 */
@Singleton
class InboxStore {

  private final Jdbc jdbc;
  private final String consumer;

  InboxStore(Jdbc jdbc, @ConfigProperty(name = "kam.service.name") String consumer) {
    this.jdbc = jdbc;
    this.consumer = consumer;
  }

  String consumer() {
    return consumer;
  }

  /**
   * Events of one subject are applied one at a time across this consumer's channels, so an event
   * parked while the account's creation is being applied is still seen by that creation's replay.
   */
  void lockSubject(String subject) {
    jdbc.execute(
        "select pg_advisory_xact_lock(hashtextextended(:key, 0))",
        SqlParams.of("key", consumer + ":" + subject));
  }

  /** Records the event id; false when it was processed before. */
  boolean markProcessed(String eventId) {
    UUID id;
    try {
      id = UUID.fromString(eventId);
    } catch (IllegalArgumentException e) {
      throw new PermanentEventFailure("malformed: the event id is not a UUID");
    }
    return jdbc.update(
            "insert into kam_chassis.processed_event (consumer, event_id) values (:consumer, :id)"
                + " on conflict do nothing",
            SqlParams.of("consumer", consumer, "id", id))
        == 1;
  }

  /** The last applied sequence of the producer and subject, locked; null before the first. */
  Long lastSequence(String producer, String subject) {
    return jdbc.one(
            "select last_sequence from kam_chassis.consumer_position"
                + " where consumer = :consumer and producer = :producer and subject = :subject for update",
            SqlParams.of("consumer", consumer, "producer", producer, "subject", subject),
            r -> r.longValue("last_sequence"))
        .orElse(null);
  }

  void savePosition(String producer, String subject, long sequence) {
    jdbc.update(
        "insert into kam_chassis.consumer_position (consumer, producer, subject, last_sequence)"
            + " values (:consumer, :producer, :subject, :sequence) on conflict (consumer, producer, subject)"
            + " do update set last_sequence = greatest(consumer_position.last_sequence, excluded.last_sequence)",
        SqlParams.of(
            "consumer", consumer, "producer", producer, "subject", subject, "sequence", sequence));
  }

  void park(EventInbox.Origin origin, CloudEvent event) {
    boolean fromKafka = origin.partition() >= 0;
    jdbc.update(
        "insert into kam_chassis.parked_event (consumer, subject, producer, sequence, topic, payload,"
            + " kafka_partition, kafka_offset) values (:consumer, :subject, :producer, :sequence, :topic, :payload,"
            + " :partition::int, :offset::bigint)",
        SqlParams.of(
            "consumer",
            consumer,
            "subject",
            event.subject(),
            "producer",
            event.source(),
            "sequence",
            event.sequence(),
            "topic",
            origin.topic(),
            "payload",
            EventJson.write(event),
            "partition",
            fromKafka ? origin.partition() : null,
            "offset",
            fromKafka ? origin.offset() : null));
  }

  /** The parked events of {@code subject}, in the order they are replayed. */
  List<Long> parkedIds(String subject) {
    return jdbc.list(
        "select id from kam_chassis.parked_event where consumer = :consumer and subject = :subject"
            + " order by producer, sequence, id",
        SqlParams.of("consumer", consumer, "subject", subject),
        r -> r.longValue("id"));
  }

  /** The parked row, locked, or empty when it is gone or locked by another replay. */
  Optional<ParkedReplay.Parked> lockParked(long id) {
    return jdbc.one(
        "select payload, topic, kafka_partition, kafka_offset, subject from kam_chassis.parked_event"
            + " where id = :id for update skip locked",
        SqlParams.of("id", id),
        r -> {
          String payload = r.string("payload");
          Integer partition = r.intValue("kafka_partition");
          Long offset = r.longValue("kafka_offset");
          return new ParkedReplay.Parked(
              readComplete(payload),
              new DeadLetters.Letter(
                  r.string("topic"),
                  partition == null ? -1 : partition,
                  offset == null ? -1 : offset,
                  r.string("subject"),
                  payload,
                  ""));
        });
  }

  boolean deleteParked(long id) {
    return jdbc.update(
            "delete from kam_chassis.parked_event where id = :id", SqlParams.of("id", id))
        == 1;
  }

  private static CloudEvent readComplete(String payload) {
    try {
      CloudEvent event = EventJson.read(payload);
      return event != null && event.isComplete() ? event : null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }
}
