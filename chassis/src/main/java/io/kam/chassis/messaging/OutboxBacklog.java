package io.kam.chassis.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How far the outbox is behind: unsent rows and the age of the oldest (quarantined and held rows
 * included: they are not published either), how many are quarantined and how many wait behind a
 * quarantined row of their subject; read at most once a second (metrics scrapes and health checks
 * share it), exported as gauges.
 */
@Singleton
public class OutboxBacklog {

  public record Reading(long rows, double oldestAgeSeconds, long quarantined, long held) {}

  private final AgroalDataSource dataSource;
  private volatile Reading last = new Reading(0, 0, 0, 0);
  private volatile long readAt;

  public OutboxBacklog(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  void register(@Observes StartupEvent event, MeterRegistry registry) {
    Gauge.builder("kam.outbox.backlog", this, b -> b.read().rows())
        .description("Outbox rows not yet published")
        .register(registry);
    Gauge.builder("kam.outbox.oldest.age.seconds", this, b -> b.read().oldestAgeSeconds())
        .description("Age of the oldest unpublished outbox row")
        .register(registry);
    Gauge.builder("kam.outbox.quarantined", this, b -> b.read().quarantined())
        .description("Outbox rows Kafka rejected for good, waiting for an admin's retry")
        .register(registry);
    Gauge.builder("kam.outbox.held", this, b -> b.read().held())
        .description("Outbox rows waiting behind a quarantined row of their subject")
        .register(registry);
  }

  public synchronized Reading read() {
    long now = System.currentTimeMillis();
    if (now - readAt < 1000) {
      return last;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*), coalesce(extract(epoch from now() - min(o.created_at)), 0),"
                    + " count(*) filter (where o.quarantined_at is not null),"
                    + " count(*) filter (where o.quarantined_at is null and "
                    + OutboxQuarantine.HELD_BEHIND_QUARANTINE
                    + ")"
                    + " from kam_chassis.outbox o where o.sent_at is null");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      last = new Reading(rs.getLong(1), rs.getDouble(2), rs.getLong(3), rs.getLong(4));
      readAt = now;
    } catch (SQLException e) {
      // Keep the last reading: the database check of readiness reports the outage itself.
    }
    return last;
  }
}
