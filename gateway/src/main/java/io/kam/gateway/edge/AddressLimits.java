package io.kam.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kam.chassis.problem.ProblemException;
import io.kam.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;

/**
 * Limits per client address, for what happens before anyone is authenticated: requests to routes
 * that take no credentials, and failed authentications (401). An address past its failures gets 429
 * for the rest of the minute, before any token is parsed or key looked up, so a flood of bad
 * credentials costs neither memory nor database connections. Both maps are bounded in size and
 * forget addresses idle for longer than their window.
 */
@Singleton
public class AddressLimits {

  private final int anonymousPerSecond;
  private final int failuresPerMinute;
  private final Cache<String, FixedWindow> anonymous;
  private final Cache<String, FixedWindow> failures;

  public AddressLimits(GatewayConfig config) {
    this.anonymousPerSecond = config.rateLimit().anonymousPerSecond();
    this.failuresPerMinute = config.rateLimit().authFailuresPerMinute();
    int max = config.rateLimit().maxTrackedClients();
    this.anonymous =
        Caffeine.newBuilder().maximumSize(max).expireAfterAccess(Duration.ofSeconds(10)).build();
    this.failures =
        Caffeine.newBuilder().maximumSize(max).expireAfterAccess(Duration.ofMinutes(2)).build();
  }

  /** A 429 problem when the address may make no more anonymous requests this second, else null. */
  public ProblemException acquireAnonymous(String address) {
    long wait =
        anonymous
            .get(address, a -> new FixedWindow(anonymousPerSecond, 1000))
            .tryAcquire(System.currentTimeMillis());
    return wait == 0
        ? null
        : tooMany(
            wait, "more than " + anonymousPerSecond + " requests per second from this address");
  }

  /** A 429 problem when the address failed to authenticate too often this minute, else null. */
  public ProblemException blockedForFailures(String address) {
    FixedWindow w = failures.getIfPresent(address);
    long wait = w == null ? 0 : w.exhaustedFor(System.currentTimeMillis());
    return wait == 0
        ? null
        : tooMany(
            wait,
            "too many failed authentications from this address ("
                + failuresPerMinute
                + " a minute)");
  }

  public void recordFailure(String address) {
    failures
        .get(address, a -> new FixedWindow(failuresPerMinute, 60_000))
        .record(System.currentTimeMillis());
  }

  static ProblemException tooMany(long waitMillis, String detail) {
    return new ProblemException(
        429,
        "Too many requests",
        detail + "; retry later",
        null,
        Map.of("Retry-After", String.valueOf(FixedWindow.retryAfterSeconds(waitMillis))));
  }
}
