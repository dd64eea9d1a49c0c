package io.kam.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.kam.chassis.problem.ProblemException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Validates user bearer tokens (RS256 signature, issuer, audience, expiry and not-before with the
 * configured skew; roles from {@code groups}) and remembers valid ones until they expire, so a
 * client's repeated calls cost one map lookup. Parsing runs on a worker thread (a signature check,
 * and with a JWKS location possibly a key fetch, must never hold an event loop); the cache is
 * bounded in size and never keeps a token past its expiry.
 */
@Singleton
public class BearerTokens {

  private static final int MAX_CACHED = 20_000;
  private static final Duration MAX_CACHE_TIME = Duration.ofMinutes(10);
  private final JWTParser parser;
  private final Vertx vertx;
  private final Cache<String, Valid> cache;

  private record Valid(CallerIdentity identity, long expiresAtMillis) {}

  public BearerTokens(JWTParser parser, Vertx vertx) {
    this.parser = parser;
    this.vertx = vertx;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(MAX_CACHED)
            .expireAfter(
                Expiry.creating(
                    (String token, Valid v) -> {
                      Duration left =
                          Duration.ofMillis(
                              Math.max(0, v.expiresAtMillis() - System.currentTimeMillis()));
                      return left.compareTo(MAX_CACHE_TIME) < 0 ? left : MAX_CACHE_TIME;
                    }))
            .build();
  }

  public Future<CallerIdentity> validate(String token) {
    Valid hit = cache.getIfPresent(token);
    if (hit != null && hit.expiresAtMillis() > System.currentTimeMillis()) {
      return Future.succeededFuture(hit.identity());
    }
    return vertx.executeBlocking(() -> parse(token), false);
  }

  private CallerIdentity parse(String token) {
    try {
      JsonWebToken jwt = parser.parse(token);
      if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
        throw unauthorized("the token has no subject");
      }
      Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
      CallerIdentity identity = new CallerIdentity(jwt.getSubject(), groups, null);
      cache.put(token, new Valid(identity, jwt.getExpirationTime() * 1000L));
      return identity;
    } catch (ParseException | RuntimeException e) {
      if (e instanceof ProblemException p) {
        throw p;
      }
      throw unauthorized("the bearer token is not valid (signature, issuer, audience or lifetime)");
    }
  }

  public static ProblemException unauthorized(String detail) {
    return new ProblemException(
        401, "Unauthorized", detail, null, Map.of("WWW-Authenticate", "Bearer"));
  }
}
