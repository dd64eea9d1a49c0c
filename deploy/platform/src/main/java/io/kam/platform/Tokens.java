package io.kam.platform;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
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

  /** Issuer of the gateway's credential for the services. */
  public static final String INTERNAL_ISSUER = "kam-gateway";

  /**
   * Not an audience of its own: a test's credential meant for whichever service it calls. Signed
   * into a token it becomes the audience of every service ({@link #SERVICE_AUDIENCES}); the gateway
   * itself mints each credential for one service only ({@link #audienceOf}).
   */
  public static final String INTERNAL_AUDIENCE = "kam-services";

  /** Every service's audience, and the chassis's test application's. */
  public static final List<String> SERVICE_AUDIENCES =
      List.of(
          audienceOf("account"),
          audienceOf("scoring"),
          audienceOf("kpi"),
          audienceOf("planning"),
          audienceOf("chassis-test"));

  private Tokens() {}

  public static String client(PlatformKeys keys, String subject, Duration ttl, String... roles) {
    return sign(
        keys.client().getPrivate(),
        CLIENT_ISSUER,
        CLIENT_AUDIENCE,
        subject,
        ttl,
        List.of(roles),
        Map.of());
  }

  /** The audience of the gateway's credential for one service (by its kam.service.name). */
  public static String audienceOf(String service) {
    return "kam-" + service;
  }

  /** The gateway's credential for one service only, as the gateway mints it. */
  public static String internalFor(
      PlatformKeys keys, String service, String subject, String... roles) {
    return sign(
        keys.internal().getPrivate(),
        INTERNAL_ISSUER,
        audienceOf(service),
        subject,
        Duration.ofMinutes(10),
        List.of(roles),
        Map.of());
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

  /** The kid of the public half of an RSA private key (RFC 7638 thumbprint), when it tells it. */
  public static java.util.Optional<String> keyIdOf(PrivateKey key) {
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(
          PlatformKeys.keyId(
              KeyFactory.getInstance("RSA")
                  .generatePublic(
                      new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive the public key", e);
    }
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
    if (INTERNAL_AUDIENCE.equals(audience)) {
      claims.setAudience(SERVICE_AUDIENCES);
    } else {
      claims.setAudience(audience);
    }
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
    if (INTERNAL_ISSUER.equals(issuer)) {
      // The services pick the verification key by kid from their key set, as for the gateway's.
      keyIdOf(key).ifPresent(jws::setKeyIdHeaderValue);
    }
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }
}
