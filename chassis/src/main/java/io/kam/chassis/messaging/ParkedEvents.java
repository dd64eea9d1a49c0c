package io.kam.chassis.messaging;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks after parked events: dead-letters those whose subject never arrived within the park
 * timeout, retries the others (a replay interrupted by a crash or a transient failure would
 * otherwise wait for the subject's next event), and exports how many are parked and the age of the
 * oldest as gauges.
 */
@Singleton
public class ParkedEvents {

  public record Reading(long events, double oldestAgeSeconds) {}

  static final String NEVER_ARRIVED = "subject never arrived";
  private static final int BATCH = 200;

  private final Jdbc jdbc;
  private final ParkedReplay replay;
  private final EventsConfig config;
  private final String consumer;
  private volatile Reading last = new Reading(0, 0);

  public ParkedEvents(
      Jdbc jdbc,
      ParkedReplay replay,
      EventsConfig config,
      @ConfigProperty(name = "kam.service.name") String consumer) {
    this.jdbc = jdbc;
    this.replay = replay;
    this.config = config;
    this.consumer = consumer;
  }

  void register(@Observes StartupEvent event, MeterRegistry registry) {
    Gauge.builder("kam.events.parked", this, p -> p.last.events())
        .description("Events parked until their subject arrives")
        .register(registry);
    Gauge.builder("kam.events.parked.oldest.age.seconds", this, p -> p.last.oldestAgeSeconds())
        .description("Age of the oldest parked event")
        .register(registry);
  }

  /** The reading of the last check (the gauges show it; a scrape never queries the database). */
  public Reading reading() {
    return last;
  }

  @Scheduled(
      every = "${kam.events.consumer.parked-check-every:10s}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void check() {
    try {
      ageOut();
      retry();
      last = read();
    } catch (RuntimeException e) {
      Log.warnf("parked events check failed, retried at the next one: %s", e.getMessage());
    }
  }

  private record Old(long id, DeadLetters.Letter letter) {}

  /** Dead-letters every event parked longer than the park timeout; returns how many. */
  public int ageOut() {
    Instant before = Instant.now().minus(config.consumer().parkTimeout());
    List<Old> old =
        jdbc.list(
            "select id, topic, kafka_partition, kafka_offset, subject, payload"
                + " from kam_chassis.parked_event where consumer = :consumer and parked_at < :before"
                + " order by parked_at limit :limit",
            SqlParams.of("consumer", consumer, "before", before, "limit", BATCH),
            r -> {
              Integer partition = r.intValue("kafka_partition");
              Long offset = r.longValue("kafka_offset");
              return new Old(
                  r.longValue("id"),
                  new DeadLetters.Letter(
                      r.string("topic"),
                      partition == null ? -1 : partition,
                      offset == null ? -1 : offset,
                      r.string("subject"),
                      r.string("payload"),
                      NEVER_ARRIVED));
            });
    old.forEach(o -> replay.deadLetter(o.id(), o.letter(), NEVER_ARRIVED));
    return old.size();
  }

  private void retry() {
    jdbc.list(
            "select subject from kam_chassis.parked_event where consumer = :consumer"
                + " group by subject order by min(parked_at) limit :limit",
            SqlParams.of("consumer", consumer, "limit", BATCH),
            r -> r.string("subject"))
        .forEach(replay::replay);
  }

  private Reading read() {
    return jdbc.one(
            "select count(*) n, coalesce(extract(epoch from now() - min(parked_at)), 0) age"
                + " from kam_chassis.parked_event where consumer = :consumer",
            SqlParams.of("consumer", consumer),
            r -> new Reading(r.longValue("n"), r.resultSet().getDouble("age")))
        .orElse(new Reading(0, 0));
  }
}
