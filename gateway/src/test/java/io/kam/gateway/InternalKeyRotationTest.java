package io.kam.gateway;

import static io.restassured.RestAssured.given;

import io.kam.platform.PlatformKeys;
import io.kam.platform.TestAuth;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Mid-rotation: the next key listed first signs, the old one is still published for the services.
 */
@QuarkusTest
@TestProfile(InternalKeyRotationTest.NextKeyFirst.class)
class InternalKeyRotationTest {

  public static class NextKeyFirst implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "kam.keys.internal-private",
          next().internalPrivateKey() + "," + old().internalPrivateKey());
    }
  }

  /** Kept as files of this JVM, so the profile and the test (loaded apart) see the same keys. */
  private static PlatformKeys keys(String name) {
    return PlatformKeys.inDirectory(
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "kam-gateway-rotation-" + ProcessHandle.current().pid(),
            name));
  }

  private static PlatformKeys old() {
    return keys("old");
  }

  private static PlatformKeys next() {
    return keys("next");
  }

  @TestHTTPResource(value = "/jwks", management = true)
  URL keySet;

  @Test
  void theFirstKeySignsAndBothArePublishedUnderTheirKids() throws Exception {
    String sent =
        given()
            .header("Authorization", "Bearer " + TestAuth.client("kam-anna", "kam"))
            .get("/api/v1/accounts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("headers.authorization");
    String nextKid = PlatformKeys.keyId(next().internal().getPublic());
    String oldKid = PlatformKeys.keyId(old().internal().getPublic());
    Assertions.assertEquals(
        nextKid,
        JsonWebStructure.fromCompactSerialization(sent.substring(7)).getKeyIdHeaderValue());
    JsonWebKeySet jwks =
        new JsonWebKeySet(given().get(keySet).then().statusCode(200).extract().asString());
    Assertions.assertEquals(
        List.of(nextKid, oldKid),
        jwks.getJsonWebKeys().stream().map(JsonWebKey::getKeyId).toList());
  }
}
