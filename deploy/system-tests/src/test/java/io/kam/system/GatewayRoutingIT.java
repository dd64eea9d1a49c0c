package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayRoutingIT {

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  @Test
  void everyProcessServesHealthAndMetricsOnItsManagementPortAndOpenApiOnItsPublicOne() {
    for (String s : SystemUnderTest.SERVICES) {
      String url = sut.service(s).url();
      String management = sut.service(s).managementUrl();
      for (String probe : new String[] {"live", "ready", "started"}) {
        given()
            .get(management + "/q/health/" + probe)
            .then()
            .statusCode(200)
            .body("status", equalTo("UP"));
        given().get(url + "/q/health/" + probe).then().statusCode(404);
      }
      given()
          .get(management + "/q/metrics")
          .then()
          .statusCode(200)
          .body(containsString("http_server"));
      given().get(url + "/q/metrics").then().statusCode(404);
      given().get(url + "/q/health").then().statusCode(404);
      if (s.equals("gateway")) {
        // The gateway's (merged) document is public, rate-limited per address like every anonymous
        // route.
        given()
            .accept("application/json")
            .get(url + "/q/openapi")
            .then()
            .statusCode(200)
            .body("openapi", notNullValue());
        continue;
      }
      given()
          .accept("application/json")
          .get(url + "/q/openapi")
          .then()
          .statusCode(401); // the gateway's only
      given()
          .header("Authorization", "Bearer " + sut.internalToken("kam-gateway"))
          .accept("application/json")
          .get(url + "/q/openapi")
          .then()
          .statusCode(200)
          .body("openapi", notNullValue());
    }
  }

  @Test
  void aRequestThroughTheGatewayReachesEachService() {
    String admin = sut.token("admin", "admin");
    for (String s : java.util.List.of("account", "scoring", "kpi", "planning")) {
      // Each service answers its own admin path, which only the gateway's credential opens.
      given()
          .header("Authorization", "Bearer " + admin)
          .header("X-Request-Id", "it-" + s)
          .get(sut.gatewayUrl() + "/api/v1/admin/" + s + "/dead-letters")
          .then()
          .statusCode(200)
          .body("items", notNullValue())
          .header("X-Request-Id", equalTo("it-" + s));
    }
  }

  @Test
  void theGatewayRefusesCallsWithoutCredentials() {
    given()
        .get(sut.gatewayUrl() + "/api/v1/accounts")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", notNullValue());
  }

  @Test
  void aCredentialMintedForOneServiceIsRefusedByAnother() {
    String forKpi = "Bearer " + sut.internalTokenFor("kpi", "admin", "admin");
    given()
        .header("Authorization", forKpi)
        .get(sut.service("account").url() + "/api/v1/admin/account/dead-letters")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", forKpi)
        .get(sut.service("kpi").url() + "/api/v1/admin/kpi/dead-letters")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", "Bearer " + sut.internalTokenFor("account", "admin", "admin"))
        .get(sut.service("account").url() + "/api/v1/admin/account/dead-letters")
        .then()
        .statusCode(200);
  }

  @Test
  void theGatewayPublishesTheKeySetTheServicesVerifyWith() throws Exception {
    String published =
        given()
            .get(sut.service("gateway").managementUrl() + "/q/jwks")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    org.junit.jupiter.api.Assertions.assertEquals(
        new org.jose4j.jwk.JsonWebKeySet(
                java.nio.file.Files.readString(sut.keys().internalKeySet()))
            .toJson(),
        new org.jose4j.jwk.JsonWebKeySet(published).toJson());
  }

  @Test
  void servicesRefuseCallsThatDidNotComeThroughTheGateway() {
    // A user's own token sent straight to a service is not the gateway's credential.
    given()
        .header("Authorization", "Bearer " + sut.token("admin", "admin"))
        .get(sut.service("account").url() + "/api/v1/admin/account/dead-letters")
        .then()
        .statusCode(401);
  }

  @Test
  void aStoppedServiceGives503WhileTheOthersKeepAnswering() {
    ServiceProcess planning = sut.service("planning");
    String admin = "Bearer " + sut.token("admin", "admin");
    planning.stop();
    try {
      given()
          .header("Authorization", admin)
          .get(sut.gatewayUrl() + "/api/v1/admin/planning/dead-letters")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .body("detail", containsString("planning"));
      for (String s : java.util.List.of("account", "scoring", "kpi")) {
        given()
            .header("Authorization", admin)
            .get(sut.gatewayUrl() + "/api/v1/admin/" + s + "/dead-letters")
            .then()
            .statusCode(200);
      }
    } finally {
      planning.start();
      planning.awaitReady(Duration.ofSeconds(120));
    }
  }
}
