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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The short-lived credential the services accept: a JWT signed with the gateway's internal key,
 * naming the caller. Minted once per principal and reused until shortly before it expires, so
 * forwarding a call costs no signature. An RSA signature takes milliseconds (far more while the
 * code is still interpreted, as it is for a mint every few minutes), so it never runs on the event
 * loop: it is minted on a worker thread, once per caller at a time, and renewed ahead of expiry
 * while the current credential is still served.
 */
@Singleton
public class InternalCredentials {

  public static final String ISSUER = "kam-gateway";
  public static final String AUDIENCE = "kam-services";
  private static final Duration LIFETIME = Duration.ofMinutes(5);
  /** Renewal starts this long before expiry; the old credential is served meanwhile. */
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);
  /** ...but not in its last half minute, so what a service receives always has time left. */
  private static final Duration SERVE_UNTIL_BEFORE = Duration.ofSeconds(30);

  private record Minted(String header, long renewAtMillis, long usableUntilMillis) {}

  /** Bounded: at most this many callers' credentials, none kept past its lifetime. */
  private final Cache<CallerIdentity, Minted> cache =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(LIFETIME).build();
  private final Map<CallerIdentity, Future<String>> minting = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private final String signingKey;

  public InternalCredentials(Vertx vertx, @ConfigProperty(name = "kam.keys.internal-private") String signingKey) {
    this.vertx = vertx;
    this.signingKey = signingKey;
  }

  /** "Bearer ..." for the services, for this caller. */
  public Future<String> headerFor(CallerIdentity caller) {
    long now = System.currentTimeMillis();
    Minted m = cache.getIfPresent(caller);
    if (m != null && now < m.renewAtMillis()) {
      return Future.succeededFuture(m.header());
    }
    Future<String> fresh = mintOnce(caller);
    return m != null && now < m.usableUntilMillis() ? Future.succeededFuture(m.header()) : fresh;
  }

  private Future<String> mintOnce(CallerIdentity caller) {
    Promise<String> promise = Promise.promise();
    Future<String> running = minting.putIfAbsent(caller, promise.future());
    if (running != null) {
      return running;
    }
    vertx.executeBlocking(() -> mint(caller), false).onComplete(result -> {
      minting.remove(caller, promise.future());
      promise.handle(result);
    });
    return promise.future();
  }

  private String mint(CallerIdentity caller) {
    Instant now = Instant.now();
    JwtClaimsBuilder claims =
        Jwt.issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(caller.userId())
            .upn(caller.userId())
            .groups(caller.roles())
            .issuedAt(now)
            .expiresAt(now.plus(LIFETIME));
    if (caller.apiKeyName() != null) {
      claims.claim(Caller.KEY_NAME_CLAIM, caller.apiKeyName());
    }
    String header = "Bearer " + claims.jws().keyId("gateway-internal").sign(Keys.privateKey(signingKey));
    Instant expires = now.plus(LIFETIME);
    cache.put(caller, new Minted(header, expires.minus(RENEW_BEFORE).toEpochMilli(),
        expires.minus(SERVE_UNTIL_BEFORE).toEpochMilli()));
    return header;
  }
}
