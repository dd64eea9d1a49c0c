package io.kam.chassis.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "kam.events")
public interface EventsConfig {

  Relay relay();

  Consumer consumer();

  interface Relay {
    /** Whether this instance relays its outbox to Kafka. */
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for rows when no commit woke it (other instances, restarts). */
    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("500")
    int batchSize();

    /** Sent rows are deleted after this long. */
    @WithDefault("24h")
    Duration retention();

    /**
     * Attempts before a row Kafka rejects for good (too large, unserialisable) is quarantined.
     * Broker outages never count: they only delay.
     */
    @WithDefault("5")
    int maxAttempts();

    /** Pause before a rejected row is tried again, multiplied by its attempts so far. */
    @WithDefault("1s")
    Duration retryBackoff();

    /**
     * How long Kafka's last acknowledgement to this instance counts as proof, in the health
     * details, that the instance reaches Kafka; afterwards it reports "unknown" until it publishes
     * again.
     */
    @WithDefault("1m")
    Duration reachabilityWindow();
  }

  interface Consumer {
    /**
     * Attempts before an event whose failure is neither transient nor known to be permanent goes to
     * the dead-letter topic (transient failures are retried until they pass, permanent ones are
     * dead-lettered at once).
     */
    @WithDefault("3")
    int maxAttempts();

    /** The first wait before a retry; it doubles per attempt up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration backoff();

    /** The longest wait between retries of a transient failure (the database unreachable). */
    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * The largest step a producer's sequence may take for one subject; a larger jump is
     * dead-lettered as suspicious instead of moving the high-water mark (one bad sequence must not
     * make every later event of the account stale). Raise it to rebuild from a topic whose old
     * records were deleted by retention.
     */
    @WithDefault("100000")
    long maxSequenceJump();

    /** A parked event whose subject has not arrived after this long is dead-lettered. */
    @WithDefault("24h")
    Duration parkTimeout();

    /** How often parked events are retried, aged out and counted for the gauges. */
    @WithDefault("10s")
    Duration parkedCheckEvery();

    /** Processed event ids are kept this long (sequence checks cover older redeliveries). */
    @WithDefault("7d")
    Duration processedRetention();
  }
}
