package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.kam.platform.PlatformKeys;
import io.kam.platform.TestAuth;
import io.kam.platform.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProxyAuthTest {

  @TestHTTPResource(value = "/jwks", management = true)
  URL keySet;

  private static PlatformKeys keys() {
    return PlatformKeys.inDirectory(Path.of(System.getProperty("kam.test.keys.dir")));
  }

  @Test
  void aCallWithoutCredentialsIs401ProblemWithWwwAuthenticate() {
    given()
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"));
  }

  @Test
  void anExpiredOrForeignTokenIs401() {
    String expired =
        Tokens.sign(
            keys().client().getPrivate(),
            Tokens.CLIENT_ISSUER,
            Tokens.CLIENT_AUDIENCE,
            "kam-anna",
            Duration.ofMinutes(-10),
            List.of("kam"),
            Map.of());
    given()
        .header("Authorization", "Bearer " + expired)
        .get("/api/v1/accounts")
        .then()
        .statusCode(401);
    String wrongAudience =
        Tokens.sign(
            keys().client().getPrivate(),
            Tokens.CLIENT_ISSUER,
            "someone-else",
            "kam-anna",
            Duration.ofMinutes(10),
            List.of("kam"),
            Map.of());
    given()
        .header("Authorization", "Bearer " + wrongAudience)
        .get("/api/v1/accounts")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", "Bearer not.a.jwt")
        .get("/api/v1/accounts")
        .then()
        .statusCode(401);
  }

  @Test
  void theServiceGetsASignedCredentialNamingTheCallerInsteadOfTheUserToken() throws Exception {
    String token = TestAuth.client("kam-anna", "kam", "viewer");
    JsonPath echoed =
        given()
            .header("Authorization", "Bearer " + token)
            .get("/api/v1/accounts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String forwarded = echoed.getString("headers.authorization");
    org.junit.jupiter.api.Assertions.assertNotEquals("Bearer " + token, forwarded);
    JwtClaims claims =
        new JwtConsumerBuilder()
            .setVerificationKey(keys().internal().getPublic())
            .setExpectedIssuer(Tokens.INTERNAL_ISSUER)
            .setExpectedAudience(Tokens.audienceOf("account"))
            .build()
            .processToClaims(forwarded.substring(7));
    org.junit.jupiter.api.Assertions.assertEquals("kam-anna", claims.getSubject());
    org.junit.jupiter.api.Assertions.assertTrue(
        claims.getStringListClaimValue("groups").contains("kam"));
  }

  @Test
  void eachServiceGetsACredentialForItselfOnlyNamingTheKeyBySignedKid() throws Exception {
    String token = "Bearer " + TestAuth.client("kam-cleo", "kam");
    String toAccount =
        given()
            .header("Authorization", token)
            .get("/api/v1/accounts")
            .jsonPath()
            .getString("headers.authorization");
    String toKpi =
        given()
            .header("Authorization", token)
            .get("/api/v1/revenue-lines")
            .jsonPath()
            .getString("headers.authorization");
    String kid = PlatformKeys.keyId(keys().internal().getPublic());
    for (var sent : Map.of("account", toAccount, "kpi", toKpi).entrySet()) {
      JsonWebStructure jws =
          JsonWebStructure.fromCompactSerialization(sent.getValue().substring(7));
      org.junit.jupiter.api.Assertions.assertEquals(kid, jws.getKeyIdHeaderValue());
      JwtClaims claims =
          new JwtConsumerBuilder()
              .setVerificationKey(keys().internal().getPublic())
              .setExpectedIssuer(Tokens.INTERNAL_ISSUER)
              .setExpectedAudience(Tokens.audienceOf(sent.getKey()))
              .build()
              .processToClaims(sent.getValue().substring(7));
      org.junit.jupiter.api.Assertions.assertEquals(
          List.of(Tokens.audienceOf(sent.getKey())), claims.getAudience());
    }
  }

  @Test
  void theKeySetForTheServicesIsServedOnTheManagementPortOnly() throws Exception {
    String set =
        given()
            .get(keySet)
            .then()
            .statusCode(200)
            .contentType("application/jwk-set+json")
            .extract()
            .asString();
    JsonWebKeySet jwks = new JsonWebKeySet(set);
    org.junit.jupiter.api.Assertions.assertEquals(1, jwks.getJsonWebKeys().size());
    org.junit.jupiter.api.Assertions.assertEquals(
        PlatformKeys.keyId(keys().internal().getPublic()), jwks.getJsonWebKeys().get(0).getKeyId());
    org.junit.jupiter.api.Assertions.assertEquals(
        keys().internal().getPublic(), jwks.getJsonWebKeys().get(0).getKey());
    org.junit.jupiter.api.Assertions.assertFalse(set.contains("\"d\""), "no private part");
    given().get("/q/jwks").then().statusCode(404);
  }

  @Test
  void theCredentialIsReusedForTheSameCaller() {
    String token = TestAuth.client("kam-ben", "kam");
    String first =
        given()
            .header("Authorization", "Bearer " + token)
            .get("/api/v1/accounts")
            .jsonPath()
            .getString("headers.authorization");
    String second =
        given()
            .header("Authorization", "Bearer " + token)
            .get("/api/v1/accounts")
            .jsonPath()
            .getString("headers.authorization");
    org.junit.jupiter.api.Assertions.assertEquals(first, second);
  }

  @Test
  void meReturnsTheCaller() {
    given()
        .header("Authorization", "Bearer " + TestAuth.client("kam-anna", "kam"))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("userId", equalTo("kam-anna"))
        .body("roles", hasItem("kam"));
    given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
  }
}
