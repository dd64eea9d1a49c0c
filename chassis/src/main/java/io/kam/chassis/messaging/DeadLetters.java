package io.kam.chassis.messaging;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.Row;
import io.kam.chassis.sql.SqlParams;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Events this service gave up on: published to {@code <topic>.dlq} with headers naming the reason,
 * the consumer and the original place, and kept in a table so admins can list and replay them.
 */
@Singleton
public class DeadLetters {

  public record DeadLetter(
      long id,
      String topic,
      int partition,
      long offset,
      String key,
      String payload,
      String reason,
      Instant failedAt,
      Instant replayedAt) {}

  private static final String COLUMNS =
      "id, topic, kafka_partition, kafka_offset, event_key, payload, reason, failed_at, replayed_at";

  private final Jdbc jdbc;
  private final EventProducer producer;
  private final EventMetrics metrics;
  private final String consumer;

  public DeadLetters(
      Jdbc jdbc,
      EventProducer producer,
      EventMetrics metrics,
      @ConfigProperty(name = "kam.service.name") String consumer) {
    this.jdbc = jdbc;
    this.producer = producer;
    this.metrics = metrics;
    this.consumer = consumer;
  }

  /** An event given up on, with where it came from (partition -1 and offset -1 when unknown). */
  public record Letter(
      String topic, int partition, long offset, String key, String payload, String reason) {

    static Letter of(ConsumerRecord<String, String> record, String reason) {
      return new Letter(
          record.topic(),
          record.partition(),
          record.offset(),
          record.key(),
          record.value() == null ? "" : record.value(),
          reason);
    }
  }

  public void send(ConsumerRecord<String, String> record, String reason) {
    send(Letter.of(record, reason));
  }

  /**
   * Stores the letter, then publishes it to {@code <topic>.dlq}. Throws when it cannot be stored
   * (the database is down): the caller retries rather than lose it.
   */
  public void send(Letter letter) {
    store(letter);
    publish(letter);
  }

  /** Publishes a letter already stored (with {@link #store}) and counts it. */
  void publish(Letter letter) {
    ProducerRecord<String, String> dlq =
        new ProducerRecord<>(letter.topic() + ".dlq", letter.key(), letter.payload());
    header(dlq, "dead-letter-reason", letter.reason());
    header(dlq, "dead-letter-consumer", consumer);
    header(dlq, "dead-letter-topic", letter.topic());
    header(dlq, "dead-letter-partition", String.valueOf(letter.partition()));
    header(dlq, "dead-letter-offset", String.valueOf(letter.offset()));
    try {
      producer.producer().send(dlq).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      Log.warnf(
          "dead letter of %s-%d@%d kept only in the table: %s",
          letter.topic(), letter.partition(), letter.offset(), e.getMessage());
    }
    metrics.deadLettered(letter.topic());
    Log.warnf(
        "event %s-%d@%d dead-lettered: %s",
        letter.topic(), letter.partition(), letter.offset(), letter.reason());
  }

  private static void header(ProducerRecord<String, String> r, String name, String value) {
    r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Inserts the letter, in the caller's transaction if there is one. */
  void store(Letter letter) {
    jdbc.update(
        "insert into kam_chassis.dead_letter (consumer, topic, kafka_partition, kafka_offset, event_key,"
            + " payload, reason) values (:consumer, :topic, :partition, :offset, :key, :payload, :reason)",
        SqlParams.of(
            "consumer",
            consumer,
            "topic",
            letter.topic(),
            "partition",
            letter.partition(),
            "offset",
            letter.offset(),
            "key",
            letter.key(),
            "payload",
            letter.payload().replace("\u0000", ""),
            "reason",
            letter.reason()));
  }

  /** Dead letters with id greater than {@code afterId}, oldest first. */
  public List<DeadLetter> list(long afterId, int limit) {
    return jdbc.list(
        "select "
            + COLUMNS
            + " from kam_chassis.dead_letter where consumer = :consumer"
            + " and id > :after order by id limit :limit",
        SqlParams.of("consumer", consumer, "after", afterId, "limit", limit),
        DeadLetters::map);
  }

  public Optional<DeadLetter> find(long id) {
    return jdbc.one(
        "select "
            + COLUMNS
            + " from kam_chassis.dead_letter where consumer = :consumer and id = :id",
        SqlParams.of("consumer", consumer, "id", id),
        DeadLetters::map);
  }

  public void markReplayed(long id) {
    jdbc.update(
        "update kam_chassis.dead_letter set replayed_at = now() where id = :id",
        SqlParams.of("id", id));
  }

  private static DeadLetter map(Row r) throws SQLException {
    return new DeadLetter(
        r.longValue("id"),
        r.string("topic"),
        r.intValue("kafka_partition"),
        r.longValue("kafka_offset"),
        r.string("event_key"),
        r.string("payload"),
        r.string("reason"),
        r.instant("failed_at"),
        r.instant("replayed_at"));
  }
}
