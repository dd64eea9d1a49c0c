package io.kam.chassis.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Deletes sent outbox rows and old processed-event marks after their retention. */
@Singleton
public class EventHousekeeping {

  private final AgroalDataSource dataSource;
  private final EventsConfig config;

  public EventHousekeeping(AgroalDataSource dataSource, EventsConfig config) {
    this.dataSource = dataSource;
    this.config = config;
  }

  @Scheduled(every = "${kam.events.housekeeping-every:1m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void clean() {
    try (Connection c = dataSource.getConnection()) {
      delete(c, "delete from kam_chassis.outbox where sent_at < ?", config.relay().retention());
      delete(c, "delete from kam_chassis.processed_event where processed_at < ?", config.consumer().processedRetention());
    } catch (SQLException e) {
      Log.warnf("event housekeeping failed: %s", e.getMessage());
    }
  }

  private static void delete(Connection c, String sql, java.time.Duration retention) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
      ps.executeUpdate();
    }
  }
}
