package io.kam.chassis.events;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks after parked events: dead-letters those whose subject never arrived within the park
 * timeout, retries the others (a replay interrupted by a crash or a transient failure would
 * otherwise wait for the subject's next event), and exports how many are parked and the age of
 * the oldest as gauges.
 */
@Singleton
public class ParkedEvents {

  public record Reading(long events, double oldestAgeSeconds) {}

  static final String NEVER_ARRIVED = "subject never arrived";
  private static final int BATCH = 200;

  private final AgroalDataSource dataSource;
  private final EventInbox inbox;
  private final EventsConfig config;
  private final String consumer;
  private volatile Reading last = new Reading(0, 0);

  public ParkedEvents(
      AgroalDataSource dataSource, EventInbox inbox, EventsConfig config,
      @ConfigProperty(name = "kam.service.name") String consumer) {
    this.dataSource = dataSource;
    this.inbox = inbox;
    this.config = config;
    this.consumer = consumer;
  }

  void register(@Observes StartupEvent event, MeterRegistry registry) {
    Gauge.builder("kam.events.parked", this, p -> p.last.events())
        .description("Events parked until their subject arrives").register(registry);
    Gauge.builder("kam.events.parked.oldest.age.seconds", this, p -> p.last.oldestAgeSeconds())
        .description("Age of the oldest parked event").register(registry);
  }

  /** The reading of the last check (the gauges show it; a scrape never queries the database). */
  public Reading reading() {
    return last;
  }

  @Scheduled(every = "${kam.events.consumer.parked-check-every:10s}", delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void check() {
    try {
      ageOut();
      retry();
      last = read();
    } catch (RuntimeException | SQLException e) {
      Log.warnf("parked events check failed, retried at the next one: %s", e.getMessage());
    }
  }

  /** Dead-letters every event parked longer than the park timeout; returns how many. */
  public int ageOut() throws SQLException {
    Instant before = Instant.now().minus(config.consumer().parkTimeout());
    List<long[]> old = new ArrayList<>();
    List<DeadLetters.Letter> letters = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, topic, kafka_partition, kafka_offset, subject, payload from kam_chassis.parked_event"
                    + " where consumer = ? and parked_at < ? order by parked_at limit ?")) {
      ps.setString(1, consumer);
      ps.setTimestamp(2, Timestamp.from(before));
      ps.setInt(3, BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          old.add(new long[] {rs.getLong(1)});
          letters.add(new DeadLetters.Letter(rs.getString(2), rs.getObject(3) == null ? -1 : rs.getInt(3),
              rs.getObject(4) == null ? -1 : rs.getLong(4), rs.getString(5), rs.getString(6), NEVER_ARRIVED));
        }
      }
    }
    for (int i = 0; i < old.size(); i++) {
      inbox.deadLetter(old.get(i)[0], letters.get(i), NEVER_ARRIVED);
    }
    return old.size();
  }

  private void retry() throws SQLException {
    List<String> subjects = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select subject from kam_chassis.parked_event where consumer = ?"
                    + " group by subject order by min(parked_at) limit ?")) {
      ps.setString(1, consumer);
      ps.setInt(2, BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          subjects.add(rs.getString(1));
        }
      }
    }
    subjects.forEach(inbox::replayParked);
  }

  private Reading read() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*), coalesce(extract(epoch from now() - min(parked_at)), 0)"
                    + " from kam_chassis.parked_event where consumer = ?")) {
      ps.setString(1, consumer);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Reading(rs.getLong(1), rs.getDouble(2));
      }
    }
  }
}
