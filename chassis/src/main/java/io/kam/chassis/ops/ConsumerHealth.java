package io.kam.chassis.ops;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.messaging.OutboxBacklog;
import io.smallrye.health.api.HealthGroup;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code /q/health/group/consumers}: for ops (the gateway's system health shows it per service),
 * never part of readiness. Per consumer group and topic the lag, then the parked events and the age
 * of the oldest, the dead letters not replayed, and the outbox backlog and its oldest age. Lag keys
 * are {@code lag:<group>:<topic>}. Always UP: these numbers describe delays, not an inability to
 * serve.
 */
@HealthGroup("consumers")
@Singleton
public class ConsumerHealth implements HealthCheck {

  private final ConsumerLag lag;
  private final OutboxBacklog backlog;
  private final AgroalDataSource dataSource;

  public ConsumerHealth(ConsumerLag lag, OutboxBacklog backlog, AgroalDataSource dataSource) {
    this.lag = lag;
    this.backlog = backlog;
    this.dataSource = dataSource;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder b = HealthCheckResponse.named("Consumers (informational)").up();
    lag.read()
        .forEach(
            (group, topics) ->
                topics.forEach((topic, n) -> b.withData("lag:" + group + ":" + topic, n)));
    OutboxBacklog.Reading outbox = backlog.read();
    b.withData("outboxBacklog", outbox.rows())
        .withData("outboxOldestAgeSeconds", (long) outbox.oldestAgeSeconds());
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
              c.prepareStatement(
                  "select count(*),"
                      + " coalesce(extract(epoch from now() - min(parked_at)), 0) from kam_chassis.parked_event");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        b.withData("parkedEvents", rs.getLong(1))
            .withData("parkedOldestAgeSeconds", (long) rs.getDouble(2));
      }
      try (PreparedStatement ps =
              c.prepareStatement(
                  "select count(*) from kam_chassis.dead_letter where replayed_at is null");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        b.withData("deadLetters", rs.getLong(1));
      }
    } catch (SQLException e) {
      b.withData("database", "unreachable");
    }
    return b.build();
  }
}
