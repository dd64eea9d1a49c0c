package io.kam.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kam.chassis.security.Caller;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The short-lived credential the services accept: a JWT signed with the gateway's internal key (its
 * kid in the header), naming the caller, for one service only (audience {@code kam-<service>}: a
 * credential a service received is refused by every other one). Minted once per caller and service
 * and reused until shortly before it expires, so forwarding a call costs no signature. An RSA
 * signature takes milliseconds (far more while the code is still interpreted, as it is for a mint
 * every few minutes), so it never runs on the event loop: it is minted on a worker thread, once per
 * caller at a time, and renewed ahead of expiry while the current credential is still served.
 */
@Singleton
public class InternalCredentials {

  public static final String ISSUER = "kam-gateway";
  private static final Duration LIFETIME = Duration.ofMinutes(5);

  /** Renewal starts this long before expiry; the old credential is served meanwhile. */
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

  /** ...but not in its last half minute, so what a service receives always has time left. */
  private static final Duration SERVE_UNTIL_BEFORE = Duration.ofSeconds(30);

  private record Minted(String header, long renewAtMillis, long usableUntilMillis) {}

  /** Whose credential, for which service. */
  private record For(CallerIdentity caller, String service) {}

  /** Bounded: at most this many credentials, none kept past its lifetime. */
  private final Cache<For, Minted> cache =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(LIFETIME).build();

  private final Map<For, Future<String>> minting = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private final InternalKeys keys;

  public InternalCredentials(Vertx vertx, InternalKeys keys) {
    this.vertx = vertx;
    this.keys = keys;
  }

  /**
   * The audience of the credential for a service (its kam.service.name), as the services expect it.
   */
  public static String audienceOf(String service) {
    return "kam-" + service;
  }

  /** "Bearer ..." for this caller's call to {@code service}. */
  public Future<String> headerFor(CallerIdentity caller, String service) {
    For key = new For(caller, service);
    long now = System.currentTimeMillis();
    Minted m = cache.getIfPresent(key);
    if (m != null && now < m.renewAtMillis()) {
      return Future.succeededFuture(m.header());
    }
    Future<String> fresh = mintOnce(key);
    return m != null && now < m.usableUntilMillis() ? Future.succeededFuture(m.header()) : fresh;
  }

  private Future<String> mintOnce(For key) {
    Promise<String> promise = Promise.promise();
    Future<String> running = minting.putIfAbsent(key, promise.future());
    if (running != null) {
      return running;
    }
    vertx
        .executeBlocking(() -> mint(key), false)
        .onComplete(
            result -> {
              minting.remove(key, promise.future());
              promise.handle(result);
            });
    return promise.future();
  }

  private String mint(For key) {
    CallerIdentity caller = key.caller();
    Instant now = Instant.now();
    JwtClaimsBuilder claims =
        Jwt.issuer(ISSUER)
            .audience(audienceOf(key.service()))
            .subject(caller.userId())
            .upn(caller.userId())
            .groups(caller.roles())
            .issuedAt(now)
            .expiresAt(now.plus(LIFETIME));
    if (caller.apiKeyName() != null) {
      claims.claim(Caller.KEY_NAME_CLAIM, caller.apiKeyName());
    }
    String header = "Bearer " + claims.jws().keyId(keys.signingKid()).sign(keys.signingKey());
    Instant expires = now.plus(LIFETIME);
    cache.put(
        key,
        new Minted(
            header,
            expires.minus(RENEW_BEFORE).toEpochMilli(),
            expires.minus(SERVE_UNTIL_BEFORE).toEpochMilli()));
    return header;
  }
}
