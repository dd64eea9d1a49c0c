package io.kam.chassis.messaging;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Deletes sent outbox rows and old processed-event marks after their retention. */
@Singleton
public class EventHousekeeping {

  private final Jdbc jdbc;
  private final EventsConfig config;

  public EventHousekeeping(Jdbc jdbc, EventsConfig config) {
    this.jdbc = jdbc;
    this.config = config;
  }

  @Scheduled(
      every = "${kam.events.housekeeping-every:1m}",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void clean() {
    try {
      jdbc.update(
          "delete from kam_chassis.outbox where sent_at < :before",
          SqlParams.of("before", Instant.now().minus(config.relay().retention())));
      jdbc.update(
          "delete from kam_chassis.processed_event where processed_at < :before",
          SqlParams.of("before", Instant.now().minus(config.consumer().processedRetention())));
    } catch (RuntimeException e) {
      Log.warnf("event housekeeping failed: %s", e.getMessage());
    }
  }
}
