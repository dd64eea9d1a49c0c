package io.kam.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
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

  /**
   * Longest request URI (path and query) accepted; longer is 414. Room for the batch reads' {@code
   * accountIds} (500 UUIDs, 18 500 characters); the services read up to 20 480 bytes a line.
   */
  @WithDefault("20000")
  int maxUriLength();

  /** Longest single path segment; longer is 414 (no id or name of the API comes close). */
  @WithDefault("512")
  int maxSegmentLength();

  /**
   * The gateway's public URL (e.g. https://api.example.com) for Location headers; unset: the
   * request's own scheme and host.
   */
  Optional<String> publicBaseUrl();

  /**
   * Addresses or CIDR ranges of reverse proxies in front of the gateway whose Forwarded,
   * X-Forwarded-* and X-Real-IP headers are believed; anyone else's are dropped.
   */
  Optional<List<String>> trustedProxies();

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

    /**
     * Requests per second per client address on routes that need no credentials (OpenAPI, Swagger
     * UI).
     */
    @WithDefault("20")
    int anonymousPerSecond();

    /**
     * Failed authentications (401) a client address may cause per minute; past that its requests
     * with or without credentials are 429 until the minute is over, and no key is looked up.
     */
    @WithDefault("60")
    int authFailuresPerMinute();

    /**
     * How many clients (and client addresses) are tracked at most; the least recent are forgotten.
     */
    @WithDefault("100000")
    int maxTrackedClients();
  }
}
