package io.kam.chassis.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Events this service gave up on: published to {@code <topic>.dlq} with headers naming the
 * reason, the consumer and the original place, and kept in a table so admins can list and
 * replay them.
 */
@Singleton
public class DeadLetters {

  public record DeadLetter(
      long id, String topic, int partition, long offset, String key, String payload, String reason,
      Instant failedAt, Instant replayedAt) {}

  private final AgroalDataSource dataSource;
  private final EventProducer producer;
  private final EventMetrics metrics;
  private final String consumer;

  public DeadLetters(
      AgroalDataSource dataSource,
      EventProducer producer,
      EventMetrics metrics,
      @ConfigProperty(name = "kam.service.name") String consumer) {
    this.dataSource = dataSource;
    this.producer = producer;
    this.metrics = metrics;
    this.consumer = consumer;
  }

  /** An event given up on, with where it came from (partition -1 and offset -1 when unknown). */
  public record Letter(String topic, int partition, long offset, String key, String payload, String reason) {

    static Letter of(ConsumerRecord<String, String> record, String reason) {
      return new Letter(record.topic(), record.partition(), record.offset(), record.key(),
          record.value() == null ? "" : record.value(), reason);
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
    try (Connection c = dataSource.getConnection()) {
      store(c, letter);
    } catch (SQLException e) {
      throw new IllegalStateException("dead letter could not be stored", e);
    }
    publish(letter);
  }

  /** Publishes a letter already stored (with {@link #store}) and counts it. */
  void publish(Letter letter) {
    ProducerRecord<String, String> dlq = new ProducerRecord<>(letter.topic() + ".dlq", letter.key(), letter.payload());
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
      Log.warnf("dead letter of %s-%d@%d kept only in the table: %s", letter.topic(), letter.partition(),
          letter.offset(), e.getMessage());
    }
    metrics.deadLettered(letter.topic());
    Log.warnf("event %s-%d@%d dead-lettered: %s", letter.topic(), letter.partition(), letter.offset(), letter.reason());
  }

  private static void header(ProducerRecord<String, String> r, String name, String value) {
    r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Inserts the letter on {@code c}, in whatever transaction {@code c} is in. */
  void store(Connection c, Letter letter) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into kam_chassis.dead_letter (consumer, topic, kafka_partition, kafka_offset, event_key,"
                + " payload, reason) values (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, consumer);
      ps.setString(2, letter.topic());
      ps.setInt(3, letter.partition());
      ps.setLong(4, letter.offset());
      ps.setString(5, letter.key());
      ps.setString(6, letter.payload().replace("\u0000", ""));
      ps.setString(7, letter.reason());
      ps.executeUpdate();
    }
  }

  /** Dead letters with id greater than {@code afterId}, oldest first. */
  public List<DeadLetter> list(long afterId, int limit) {
    List<DeadLetter> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, topic, kafka_partition, kafka_offset, event_key, payload, reason, failed_at, replayed_at"
                    + " from kam_chassis.dead_letter where consumer = ? and id > ? order by id limit ?")) {
      ps.setString(1, consumer);
      ps.setLong(2, afterId);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(map(rs));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("dead letters could not be read", e);
    }
    return out;
  }

  public Optional<DeadLetter> find(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, topic, kafka_partition, kafka_offset, event_key, payload, reason, failed_at, replayed_at"
                    + " from kam_chassis.dead_letter where consumer = ? and id = ?")) {
      ps.setString(1, consumer);
      ps.setLong(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("dead letter could not be read", e);
    }
  }

  public void markReplayed(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("update kam_chassis.dead_letter set replayed_at = now() where id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("dead letter could not be updated", e);
    }
  }

  private static DeadLetter map(ResultSet rs) throws SQLException {
    Timestamp replayed = rs.getTimestamp(9);
    return new DeadLetter(
        rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getTimestamp(8).toInstant(), replayed == null ? null : replayed.toInstant());
  }
}
