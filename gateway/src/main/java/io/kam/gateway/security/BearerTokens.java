package io.kam.gateway.security;

import io.kam.chassis.problem.ProblemException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Validates user bearer tokens (RS256 signature, issuer, audience, expiry and not-before with
 * the configured skew; roles from {@code groups}) and remembers valid ones until they expire, so
 * a client's repeated calls cost one map lookup.
 */
@Singleton
public class BearerTokens {

  private static final int MAX_CACHED = 50_000;
  private final JWTParser parser;
  private final Map<String, Valid> cache = new ConcurrentHashMap<>();

  private record Valid(CallerIdentity identity, long expiresAtMillis) {}

  public BearerTokens(JWTParser parser) {
    this.parser = parser;
  }

  public CallerIdentity validate(String token) {
    long now = System.currentTimeMillis();
    Valid hit = cache.get(token);
    if (hit != null && hit.expiresAtMillis() > now) {
      return hit.identity();
    }
    try {
      JsonWebToken jwt = parser.parse(token);
      if (jwt.getSubject() == null) {
        throw unauthorized("the token has no subject");
      }
      Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
      CallerIdentity identity = new CallerIdentity(jwt.getSubject(), groups, null);
      if (cache.size() > MAX_CACHED) {
        cache.clear();
      }
      cache.put(token, new Valid(identity, jwt.getExpirationTime() * 1000L));
      return identity;
    } catch (ParseException e) {
      throw unauthorized("the bearer token is not valid (signature, issuer, audience or lifetime)");
    }
  }

  static ProblemException unauthorized(String detail) {
    return new ProblemException(401, "Unauthorized", detail, null, Map.of("WWW-Authenticate", "Bearer"));
  }
}
