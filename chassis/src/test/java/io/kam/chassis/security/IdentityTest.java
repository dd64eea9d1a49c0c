package io.kam.chassis.security;

import static io.kam.chassis.Auth.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kam.platform.TestAuth;
import io.kam.platform.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdentityTest {

  @Test
  void callsWithoutTheGatewayCredentialAre401Problems() {
    given()
        .when()
        .get("/api/v1/widgets")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer");
  }

  @Test
  void aUserTokenIsNotAGatewayCredential() {
    // Signed by the identity provider's key, not the gateway's: services must refuse it.
    given()
        .header("Authorization", TestAuth.bearer(TestAuth.client("kam-anna", "kam")))
        .when()
        .get("/api/v1/widgets")
        .then()
        .statusCode(401);
  }

  @Test
  void aCredentialSignedByAnotherKeyIs401() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    String forged =
        Tokens.sign(
            gen.generateKeyPair().getPrivate(),
            Tokens.INTERNAL_ISSUER,
            Tokens.INTERNAL_AUDIENCE,
            "mallory",
            Duration.ofMinutes(5),
            List.of("admin"),
            Map.of());
    given()
        .header("Authorization", "Bearer " + forged)
        .when()
        .get("/api/v1/widgets")
        .then()
        .statusCode(401);
  }

  @Test
  void aCredentialMintedForAnotherServiceIs401() {
    // This application is "chassis-test": a credential the gateway minted for kpi-service is not
    // for it.
    String forKpi =
        Tokens.sign(
            TestAuthKeys.internalPrivate(),
            Tokens.INTERNAL_ISSUER,
            Tokens.audienceOf("kpi"),
            "kam-anna",
            Duration.ofMinutes(5),
            List.of("kam"),
            Map.of());
    given()
        .header("Authorization", "Bearer " + forKpi)
        .when()
        .get("/api/v1/widgets/whoami")
        .then()
        .statusCode(401);
    String forThis =
        Tokens.sign(
            TestAuthKeys.internalPrivate(),
            Tokens.INTERNAL_ISSUER,
            Tokens.audienceOf("chassis-test"),
            "kam-anna",
            Duration.ofMinutes(5),
            List.of("kam"),
            Map.of());
    given()
        .header("Authorization", "Bearer " + forThis)
        .when()
        .get("/api/v1/widgets/whoami")
        .then()
        .statusCode(200);
  }

  @Test
  void anExpiredCredentialIs401() {
    String expired =
        Tokens.sign(
            TestAuthKeys.internalPrivate(),
            Tokens.INTERNAL_ISSUER,
            Tokens.INTERNAL_AUDIENCE,
            "kam-anna",
            Duration.ofMinutes(-10),
            List.of("kam"),
            Map.of());
    given()
        .header("Authorization", "Bearer " + expired)
        .when()
        .get("/api/v1/widgets")
        .then()
        .statusCode(401);
  }

  @Test
  void theCallerIsOneInjectableObjectWithUserRolesAndOrigin() {
    as("kam-anna", "kam", "viewer")
        .when()
        .get("/api/v1/widgets/whoami")
        .then()
        .statusCode(200)
        .body("userId", equalTo("kam-anna"))
        .body("roles", hasItem("kam"))
        .body("origin", equalTo("user:kam-anna"));
  }

  @Test
  void anApiKeyCallerIsRecordedByTheKeyName() {
    String token =
        Tokens.sign(
            TestAuthKeys.internalPrivate(),
            Tokens.INTERNAL_ISSUER,
            Tokens.INTERNAL_AUDIENCE,
            "partner-crm",
            Duration.ofMinutes(5),
            List.of("integration"),
            Map.of("kam_key", "crm-sync"));
    given()
        .header("Authorization", "Bearer " + token)
        .when()
        .get("/api/v1/widgets/whoami")
        .then()
        .statusCode(200)
        .body("origin", equalTo("api-key:crm-sync"));
  }

  @Test
  void aMissingRoleIs403Problem() {
    as("vic", "viewer")
        .contentType("application/json")
        .body("{\"name\":\"w\"}")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }
}
