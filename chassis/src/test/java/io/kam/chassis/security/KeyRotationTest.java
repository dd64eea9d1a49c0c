package io.kam.chassis.security;

import static io.restassured.RestAssured.given;

import io.kam.platform.PlatformKeys;
import io.kam.platform.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rotation of the gateway's key, mid-way: the service's key set lists the key in use and the next
 * one, so credentials signed by either are accepted; a key taken out of the set is refused.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Overlap.class)
class KeyRotationTest {

  /**
   * The key set during the overlap: the old key and the next one; the retired key is no longer in
   * it.
   */
  public static class Overlap implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      try {
        Path set = Files.createTempFile("kam-rotation-", ".json");
        set.toFile().deleteOnExit();
        Files.writeString(set, PlatformKeys.keySet(old().getPublic(), next().getPublic()));
        return Map.of("mp.jwt.verify.publickey.location", set.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Kept as files of this JVM, so the profile and the test (loaded apart) see the same keys:
   * "internal" of the first folder is the old key, "client" the retired one; the second's is next.
   */
  private static PlatformKeys keys(String name) {
    return PlatformKeys.inDirectory(
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "kam-rotation-" + ProcessHandle.current().pid(),
            name));
  }

  private static KeyPair old() {
    return keys("a").internal();
  }

  private static KeyPair retired() {
    return keys("a").client();
  }

  private static KeyPair next() {
    return keys("b").internal();
  }

  private static String signedBy(PrivateKey key) {
    return "Bearer "
        + Tokens.sign(
            key,
            Tokens.INTERNAL_ISSUER,
            Tokens.INTERNAL_AUDIENCE,
            "kam-anna",
            Duration.ofMinutes(5),
            List.of("kam"),
            Map.of());
  }

  @Test
  void credentialsOfTheOldAndTheNextKeyAreBothAcceptedDuringTheOverlap() {
    given()
        .header("Authorization", signedBy(old().getPrivate()))
        .get("/api/v1/widgets/whoami")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", signedBy(next().getPrivate()))
        .get("/api/v1/widgets/whoami")
        .then()
        .statusCode(200);
  }

  @Test
  void aCredentialOfARetiredKeyIsRefused() {
    given()
        .header("Authorization", signedBy(retired().getPrivate()))
        .get("/api/v1/widgets/whoami")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void aCredentialClaimingAKidOfTheSetButSignedByAnotherKeyIsRefused() throws Exception {
    String[] next = signedBy(next().getPrivate()).substring(7).split("\\.");
    String[] retired = signedBy(retired().getPrivate()).substring(7).split("\\.");
    // The header (kid) of the next key, the signature of the retired one.
    given()
        .header("Authorization", "Bearer " + next[0] + "." + retired[1] + "." + retired[2])
        .get("/api/v1/widgets/whoami")
        .then()
        .statusCode(401);
  }
}
