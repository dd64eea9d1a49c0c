package io.kam.gateway.security;

import io.kam.chassis.security.Caller;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The short-lived credential the services accept: a JWT signed with the gateway's internal key,
 * naming the caller. Minted once per principal and reused until shortly before it expires, so
 * forwarding a call costs no signature.
 */
@Singleton
public class InternalCredentials {

  public static final String ISSUER = "kam-gateway";
  public static final String AUDIENCE = "kam-services";
  private static final Duration LIFETIME = Duration.ofMinutes(5);
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

  private record Minted(String header, Instant renewAt) {}

  private final Map<CallerIdentity, Minted> cache = new ConcurrentHashMap<>();
  private final String signingKey;

  public InternalCredentials(@ConfigProperty(name = "kam.keys.internal-private") String signingKey) {
    this.signingKey = signingKey;
  }

  /** "Bearer ..." for the services, for this caller. */
  public String headerFor(CallerIdentity caller) {
    Instant now = Instant.now();
    Minted m = cache.get(caller);
    if (m != null && now.isBefore(m.renewAt())) {
      return m.header();
    }
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
    if (cache.size() > 50_000) {
      cache.clear();
    }
    cache.put(caller, new Minted(header, now.plus(LIFETIME).minus(RENEW_BEFORE)));
    return header;
  }
}
