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

  public void send(ConsumerRecord<String, String> record, String reason) {
    String value = record.value() == null ? "" : record.value();
    ProducerRecord<String, String> dlq = new ProducerRecord<>(record.topic() + ".dlq", record.key(), value);
    header(dlq, "dead-letter-reason", reason);
    header(dlq, "dead-letter-consumer", consumer);
    header(dlq, "dead-letter-topic", record.topic());
    header(dlq, "dead-letter-partition", String.valueOf(record.partition()));
    header(dlq, "dead-letter-offset", String.valueOf(record.offset()));
    try {
      producer.producer().send(dlq).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      Log.warnf("dead letter of %s-%d@%d kept only in the table: %s", record.topic(), record.partition(),
          record.offset(), e.getMessage());
    }
    store(record, value, reason);
    metrics.deadLettered(record.topic());
    Log.warnf("event %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(), reason);
  }

  private static void header(ProducerRecord<String, String> r, String name, String value) {
    r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private void store(ConsumerRecord<String, String> record, String value, String reason) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into kam_chassis.dead_letter (consumer, topic, kafka_partition, kafka_offset, event_key,"
                    + " payload, reason) values (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, consumer);
      ps.setString(2, record.topic());
      ps.setInt(3, record.partition());
      ps.setLong(4, record.offset());
      ps.setString(5, record.key());
      ps.setString(6, value.replace("\u0000", ""));
      ps.setString(7, reason);
      ps.executeUpdate();
    } catch (SQLException e) {
      Log.errorf("dead letter of %s-%d@%d could not be stored: %s", record.topic(), record.partition(),
          record.offset(), e.getMessage());
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
