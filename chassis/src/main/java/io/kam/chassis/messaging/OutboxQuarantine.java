package io.kam.chassis.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Outbox rows Kafka rejected for good. A rejected row is tried again after a backoff; after {@code
 * kam.events.relay.max-attempts} it is quarantined: it stays in the outbox at its position with its
 * reason, and the later rows of its subject wait behind it (consumers drop an event older than one
 * they applied, so letting them overtake would lose it). Every other subject keeps flowing. An
 * admin lists the quarantine and retries a row once the cause is fixed; the rows behind it then
 * follow in order.
 */
@Singleton
public class OutboxQuarantine {

  public record Entry(
      long id,
      UUID eventId,
      String topic,
      String subject,
      String type,
      long sequence,
      int attempts,
      String reason,
      Instant createdAt,
      Instant quarantinedAt,
      long heldBehind,
      long payloadBytes) {}

  public enum RetryOutcome {
    REQUEUED,
    NOT_FOUND,
    NOT_QUARANTINED
  }

  /** Whether an earlier unsent row of the same subject is quarantined (row alias {@code o}). */
  static final String HELD_BEHIND_QUARANTINE =
      "exists (select 1 from kam_chassis.outbox q where q.event_key = o.event_key and q.sent_at is null"
          + " and q.quarantined_at is not null and q.position < o.position)";

  private final AgroalDataSource dataSource;
  private final MeterRegistry registry;

  public OutboxQuarantine(AgroalDataSource dataSource, MeterRegistry registry) {
    this.dataSource = dataSource;
    this.registry = registry;
  }

  /** Quarantined rows after position {@code after}, oldest first. */
  public List<Entry> list(long after, int limit) {
    String sql =
        "select o.position, o.event_id, o.topic, o.event_key, o.event_type, o.sequence, o.attempts, o.last_error,"
            + " o.created_at, o.quarantined_at, octet_length(o.payload),"
            + " (select count(*) from kam_chassis.outbox b where b.event_key = o.event_key and b.sent_at is null"
            + "  and b.position > o.position)"
            + " from kam_chassis.outbox o where o.quarantined_at is not null and o.sent_at is null and o.position > ?"
            + " order by o.position limit ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, after);
      ps.setInt(2, limit);
      List<Entry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Entry(
                  rs.getLong(1),
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getLong(6),
                  rs.getInt(7),
                  rs.getString(8),
                  rs.getTimestamp(9).toInstant(),
                  rs.getTimestamp(10).toInstant(),
                  rs.getLong(12),
                  rs.getLong(11)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("the outbox quarantine could not be read", e);
    }
  }

  /** Puts a quarantined row back in line with fresh attempts; the relay picks it up next. */
  public RetryOutcome retry(long id) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "update kam_chassis.outbox set quarantined_at = null, attempts = 0, last_error = null, next_attempt_at = null"
                  + " where position = ? and quarantined_at is not null and sent_at is null")) {
        ps.setLong(1, id);
        if (ps.executeUpdate() == 1) {
          return RetryOutcome.REQUEUED;
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("select 1 from kam_chassis.outbox where position = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? RetryOutcome.NOT_QUARANTINED : RetryOutcome.NOT_FOUND;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the outbox row could not be requeued", e);
    }
  }

  /**
   * Records a rejection of the row in the relay's transaction: one more attempt, the reason, the
   * time of the next attempt, or quarantine when the attempts are used up. Returns whether the row
   * is now quarantined.
   */
  boolean rejected(
      Connection c, long position, String topic, String reason, int maxAttempts, Duration backoff)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update kam_chassis.outbox set attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = now() + make_interval(secs => ? * (attempts + 1)),"
                + " quarantined_at = case when attempts + 1 >= ? then now() end"
                + " where position = ? returning quarantined_at is not null")) {
      ps.setString(1, reason);
      ps.setDouble(2, backoff.toMillis() / 1000.0);
      ps.setInt(3, maxAttempts);
      ps.setLong(4, position);
      try (ResultSet rs = ps.executeQuery()) {
        boolean quarantined = rs.next() && rs.getBoolean(1);
        if (quarantined) {
          Counter.builder("kam.outbox.quarantines")
              .description("Outbox events quarantined after Kafka rejected them")
              .tag("topic", topic)
              .register(registry)
              .increment();
        }
        return quarantined;
      }
    }
  }
}
