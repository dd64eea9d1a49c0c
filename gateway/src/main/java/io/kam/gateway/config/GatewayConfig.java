package io.kam.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Where the services are, how long the gateway waits for each, and what it lets through. */
@ConfigMapping(prefix = "kam.gateway")
public interface GatewayConfig {

  /** Base URL and timeout per service name (account, scoring, kpi, planning). */
  Map<String, Upstream> services();

  /** Connections kept alive per service. */
  @WithDefault("64")
  int poolSize();

  /** Largest request body forwarded (bytes); larger is 413. */
  @WithDefault("10485760")
  long maxBodyBytes();

  RateLimit rateLimit();

  interface Upstream {
    String url();

    /** Where the service's /q/health lives (its management port); without one, {@link #url()}. */
    Optional<String> managementUrl();

    @WithDefault("10s")
    Duration timeout();
  }

  interface RateLimit {
    /** Requests per second per client when none of its roles has its own limit. */
    @WithDefault("50")
    int defaultPerSecond();

    /** Requests per second per client by role (the most generous of the client's roles wins). */
    Map<String, Integer> perRole();
  }
}
