package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.kam.platform.PlatformKeys;
import io.kam.platform.TestAuth;
import io.kam.platform.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.function.Consumer;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a bearer token can be wrong is a 401 problem, on proxied routes and the gateway's own.
 */
@QuarkusTest
class TokenRejectionTest {

  private static PlatformKeys keys() {
    return PlatformKeys.inDirectory(Path.of(System.getProperty("kam.test.keys.dir")));
  }

  private static JwtClaims claims(Consumer<JwtClaims> change) {
    JwtClaims c = new JwtClaims();
    c.setIssuer(Tokens.CLIENT_ISSUER);
    c.setAudience(Tokens.CLIENT_AUDIENCE);
    c.setSubject("kam-anna");
    c.setStringListClaim("groups", List.of("admin"));
    c.setIssuedAtToNow();
    c.setNotBeforeMinutesInThePast(1);
    c.setExpirationTimeMinutesInTheFuture(10);
    change.accept(c);
    return c;
  }

  private static String sign(JwtClaims claims, String alg, Key key, String kid) {
    try {
      JsonWebSignature jws = new JsonWebSignature();
      jws.setPayload(claims.toJson());
      jws.setAlgorithmHeaderValue(alg);
      jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
      jws.setDoKeyValidation(false);
      jws.setProviderContext(new ProviderContext());
      if (key != null) {
        jws.setKey(key);
      }
      if (kid != null) {
        jws.setHeader(HeaderParameterNames.KEY_ID, kid);
      }
      return jws.getCompactSerialization();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rs256(JwtClaims claims) {
    return sign(claims, AlgorithmIdentifiers.RSA_USING_SHA256, keys().client().getPrivate(), null);
  }

  static String token(String kind) throws Exception {
    return switch (kind) {
      case "alg-none" -> sign(claims(c -> {}), AlgorithmIdentifiers.NONE, null, null);
      case "hs256-with-public-key" ->
          sign(
              claims(c -> {}),
              AlgorithmIdentifiers.HMAC_SHA256,
              new HmacKey(keys().client().getPublic().getEncoded()),
              null);
      case "wrong-issuer" -> rs256(claims(c -> c.setIssuer("https://evil.example/idp")));
      case "wrong-audience" -> rs256(claims(c -> c.setAudience("someone-else")));
      case "expired" ->
          rs256(
              claims(
                  c -> {
                    c.setIssuedAt(
                        NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 3600));
                    c.setExpirationTime(
                        NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 600));
                  }));
      case "not-yet-valid" ->
          rs256(
              claims(
                  c ->
                      c.setNotBefore(
                          NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 600))));
      case "no-subject" ->
          rs256(
              claims(
                  c -> {
                    c.unsetClaim("sub");
                    c.unsetClaim("upn");
                    c.unsetClaim("preferred_username");
                  }));
      case "unknown-key-id" -> {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        yield sign(
            claims(c -> {}),
            AlgorithmIdentifiers.RSA_USING_SHA256,
            g.generateKeyPair().getPrivate(),
            "rogue-key");
      }
      case "internal-credential" -> Tokens.internal(keys(), "kam-anna", "admin");
      case "tampered" -> {
        String good = TestAuth.client("kam-anna", "kam");
        String[] parts = good.split("\\.");
        String payload =
            java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    claims(c -> c.setStringListClaim("groups", List.of("admin")))
                        .toJson()
                        .getBytes());
        yield parts[0] + "." + payload + "." + parts[2];
      }
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alg-none",
        "hs256-with-public-key",
        "wrong-issuer",
        "wrong-audience",
        "expired",
        "not-yet-valid",
        "no-subject",
        "unknown-key-id",
        "internal-credential",
        "tampered"
      })
  void aBadTokenIs401ProblemEverywhere(String kind) throws Exception {
    String bearer = "Bearer " + token(kind);
    for (String path :
        List.of(
            "/api/v1/accounts",
            "/api/v1/me",
            "/api/v1/api-keys",
            "/api/v1/accounts/acc-1/overview")) {
      given()
          .header("Authorization", bearer)
          .get(path)
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .body("status", equalTo(401))
          .header("WWW-Authenticate", startsWith("Bearer"));
    }
  }
}
