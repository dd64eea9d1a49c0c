package io.kam.gateway.security;

import io.kam.chassis.problem.ProblemException;
import io.kam.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.inject.Singleton;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client rate limits (a user or an API key), sized by the client's most generous role
 * (kam.gateway.rate-limit.per-role.<role>, requests per second in fixed one-second windows, in
 * constant memory whatever the limit). Over the limit: 429
 * with Retry-After. Limits are per gateway instance.
 */
@Singleton
public class RateLimits {

  private final GatewayConfig config;
  private final Map<String, TypedGuard<Boolean>> perClient = new ConcurrentHashMap<>();

  public RateLimits(GatewayConfig config) {
    this.config = config;
  }

  public void acquire(CallerIdentity caller) {
    String client = caller.apiKeyName() != null ? "key:" + caller.apiKeyName() : "user:" + caller.userId();
    TypedGuard<Boolean> guard = perClient.computeIfAbsent(client, c -> build(limitFor(caller)));
    try {
      guard.get(() -> Boolean.TRUE);
    } catch (RateLimitException e) {
      long retryAfterSeconds = Math.max(1, (e.getRetryAfterMillis() + 999) / 1000);
      throw new ProblemException(429, "Too many requests",
          "rate limit of " + limitFor(caller) + " requests per second exceeded; retry later", null,
          Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }
  }

  int limitFor(CallerIdentity caller) {
    Map<String, Integer> perRole = config.rateLimit().perRole();
    int best = -1;
    for (String role : caller.roles()) {
      best = Math.max(best, perRole.getOrDefault(role, -1));
    }
    return best > 0 ? best : config.rateLimit().defaultPerSecond();
  }

  private static TypedGuard<Boolean> build(int perSecond) {
    return TypedGuard.create(Boolean.class)
        .withRateLimit()
        .limit(perSecond)
        .window(1, ChronoUnit.SECONDS)
        .type(RateLimitType.FIXED)
        .done()
        .build();
  }
}
