package io.kam.chassis.events;

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
     * details, that the instance reaches Kafka; afterwards it reports "unknown" until it
     * publishes again.
     */
    @WithDefault("1m")
    Duration reachabilityWindow();
  }

  interface Consumer {
    /** Attempts before an event goes to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    @WithDefault("200ms")
    Duration backoff();

    /** Processed event ids are kept this long (sequence checks cover older redeliveries). */
    @WithDefault("7d")
    Duration processedRetention();
  }
}
