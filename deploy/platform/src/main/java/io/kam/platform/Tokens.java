package io.kam.platform;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Mints RS256 JWTs: demo tokens printed by the local run, and the tokens tests send. */
public final class Tokens {

  /** Issuer and audience of user tokens in local runs and tests (a real IdP's in production). */
  public static final String CLIENT_ISSUER = "https://kam.local/dev-idp";

  public static final String CLIENT_AUDIENCE = "kam-api";
  /** Issuer and audience of the gateway's credential for the services. */
  public static final String INTERNAL_ISSUER = "kam-gateway";

  public static final String INTERNAL_AUDIENCE = "kam-services";

  private Tokens() {}

  public static String client(PlatformKeys keys, String subject, Duration ttl, String... roles) {
    return sign(keys.client().getPrivate(), CLIENT_ISSUER, CLIENT_AUDIENCE, subject, ttl, List.of(roles), Map.of());
  }

  public static String internal(PlatformKeys keys, String subject, String... roles) {
    return sign(
        keys.internal().getPrivate(),
        INTERNAL_ISSUER,
        INTERNAL_AUDIENCE,
        subject,
        Duration.ofMinutes(10),
        List.of(roles),
        Map.of());
  }

  public static String sign(
      PrivateKey key,
      String issuer,
      String audience,
      String subject,
      Duration ttl,
      List<String> roles,
      Map<String, Object> extraClaims) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(audience);
    claims.setSubject(subject);
    claims.setClaim("upn", subject);
    claims.setStringListClaim("groups", roles);
    claims.setJwtId(UUID.randomUUID().toString());
    claims.setIssuedAtToNow();
    claims.setNotBeforeMinutesInThePast(1);
    claims.setExpirationTimeMinutesInTheFuture(ttl.toSeconds() / 60f);
    extraClaims.forEach(claims::setClaim);
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }
}
