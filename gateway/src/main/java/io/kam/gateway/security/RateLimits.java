package io.kam.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kam.chassis.problem.ProblemException;
import io.kam.gateway.config.GatewayConfig;
import io.kam.gateway.edge.FixedWindow;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;

/**
 * Per-client rate limits (a user or an API key), sized by the client's most generous role
 * (kam.gateway.rate-limit.per-role.<role>, requests per second in fixed one-second windows). Over
 * the limit: 429 with Retry-After. Limits are per gateway instance; the clients tracked are bounded
 * in number and forgotten after a minute without a request.
 */
@Singleton
public class RateLimits {

  /** On every answer to an authenticated call, as the OpenAPI document promises. */
  public static final String LIMIT_HEADER = "X-RateLimit-Limit";

  private final GatewayConfig config;
  private final Cache<String, FixedWindow> perClient;

  public RateLimits(GatewayConfig config) {
    this.config = config;
    this.perClient =
        Caffeine.newBuilder()
            .maximumSize(config.rateLimit().maxTrackedClients())
            .expireAfterAccess(Duration.ofMinutes(1))
            .build();
  }

  /**
   * Counts one call of the caller; its limit (requests per second) when it fits, else a 429
   * problem.
   */
  public int acquire(CallerIdentity caller) {
    String client =
        caller.apiKeyName() != null ? "key:" + caller.apiKeyName() : "user:" + caller.userId();
    FixedWindow window = perClient.get(client, c -> new FixedWindow(limitFor(caller), 1000));
    long wait = window.tryAcquire(System.currentTimeMillis());
    if (wait > 0) {
      throw new ProblemException(
          429,
          "Too many requests",
          "rate limit of " + window.limit() + " requests per second exceeded; retry later",
          null,
          Map.of(
              "Retry-After",
              String.valueOf(FixedWindow.retryAfterSeconds(wait)),
              LIMIT_HEADER,
              String.valueOf(window.limit())));
    }
    return window.limit();
  }

  int limitFor(CallerIdentity caller) {
    Map<String, Integer> perRole = config.rateLimit().perRole();
    int best = -1;
    for (String role : caller.roles()) {
      best = Math.max(best, perRole.getOrDefault(role, -1));
    }
    return best > 0 ? best : config.rateLimit().defaultPerSecond();
  }
}
