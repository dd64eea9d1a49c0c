package io.kam.chassis.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event hop: from the outbox row's insert in the producer's transaction (its {@code
 * created_at}, taken with {@code clock_timestamp()}, the last write before the commit) to this
 * consumer having applied the event and committed. The relay sends the insert time in the header
 * {@value #HEADER} (microseconds since the epoch, the producer database's clock); the consumer
 * compares it with its own wall clock after its commit, so the two clocks must agree (NTP), and a
 * negative difference counts as zero. Published as the Prometheus histogram {@code
 * kam_event_hop_seconds{topic, consumer}} with fixed buckets, so dashboards and alerts compute real
 * quantiles ({@code histogram_quantile}); skipped, parked and dead-lettered events are not hops.
 */
@Singleton
public class EventHop {

  static final String HEADER = "kam-outbox-at";

  /**
   * The bucket bounds: fine from 1 ms to 250 ms, where a healthy hop lies, so the quantiles
   * interpolated from them are within a few milliseconds; coarse up to a minute (a paused
   * consumer).
   */
  static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofNanos(2500000),
    Duration.ofMillis(5),
    Duration.ofNanos(7500000),
    Duration.ofMillis(10),
    Duration.ofMillis(15),
    Duration.ofMillis(20),
    Duration.ofMillis(25),
    Duration.ofMillis(30),
    Duration.ofMillis(40),
    Duration.ofMillis(50),
    Duration.ofMillis(75),
    Duration.ofMillis(100),
    Duration.ofMillis(150),
    Duration.ofMillis(200),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  private final MeterRegistry registry;
  private final String consumer;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public EventHop(
      MeterRegistry registry, @ConfigProperty(name = "kam.service.name") String consumer) {
    this.registry = registry;
    this.consumer = consumer;
  }

  /** Records the hop of {@code record}, just applied and committed; ignored without the header. */
  void applied(ConsumerRecord<String, String> record) {
    long writtenMicros = writtenAt(record);
    if (writtenMicros < 0) {
      return;
    }
    long nowMicros = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    timer(record.topic()).record(Math.max(0, nowMicros - writtenMicros), TimeUnit.MICROSECONDS);
  }

  private Timer timer(String topic) {
    return timers.computeIfAbsent(
        topic,
        t ->
            Timer.builder("kam.event.hop")
                .description(
                    "From the outbox row's insert (producer transaction) to the event applied and"
                        + " committed by this consumer")
                .tag("topic", t)
                .tag("consumer", consumer)
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
  }

  private static long writtenAt(ConsumerRecord<String, String> record) {
    Header header = record.headers().lastHeader(HEADER);
    if (header == null || header.value() == null) {
      return -1;
    }
    try {
      return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
