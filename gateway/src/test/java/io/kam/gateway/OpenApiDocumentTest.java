package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiDocumentTest {

  @Test
  void servesOneDocumentWithTheGatewaysRoutesSecurityAndProblems() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/me"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/api-keys"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/accounts/{id}/overview"))
        .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
        .body("components.securitySchemes.apiKeyAuth.name", equalTo("X-API-Key"))
        .body("tags.name", hasItem("gateway"))
        .body(
            "paths.'/api/v1/me'.get.responses.'401'.content.'application/problem+json'.schema.'$ref'",
            equalTo("#/components/schemas/Problem"))
        .body(
            "paths.'/api/v1/api-keys'.post.requestBody.content.'application/json'.example",
            notNullValue());
  }

  @Test
  void theCompositeViewsHaveTypedSchemas() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(
            "paths.'/api/v1/accounts/{id}/overview'.get.responses.'200'.content.'application/json'.schema.'$ref'",
            equalTo("#/components/schemas/AccountOverview"))
        .body(
            "paths.'/api/v1/accounts/{id}/overview'.get.responses",
            org.hamcrest.Matchers.hasKey("504"))
        .body(
            "components.schemas.AccountOverview.properties.warnings.items.'$ref'",
            equalTo("#/components/schemas/OverviewWarning"))
        .body(
            "paths.'/api/v1/system/health'.get.responses.'200'.content.'application/json'.schema.'$ref'",
            equalTo("#/components/schemas/SystemHealth"))
        .body("components.schemas.ServiceHealth.properties.version.type", equalTo("string"));
  }

  @Test
  void theDocumentIsServedFromTheBackgroundRefreshNotFetchedPerRequest() throws Exception {
    String account =
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("kam.gateway.services.account.url", String.class);
    given().accept("application/json").get("/q/openapi").then().statusCode(200);
    int before =
        io.restassured.RestAssured.get(account + "/fake/openapi-fetches")
            .jsonPath()
            .getInt("count");
    for (int i = 0; i < 10; i++) {
      given().accept("application/json").get("/q/openapi").then().statusCode(200);
    }
    var after = io.restassured.RestAssured.get(account + "/fake/openapi-fetches").jsonPath();
    // At most one background refresh (every 5 s while a service is missing, as here) fell in
    // between.
    assertTrue(
        after.getInt("count") - before <= 1,
        "fetched " + (after.getInt("count") - before) + " times for 10 requests");
    // Fetched with the gateway's own credential: the services show their description to nobody
    // else.
    String authorization = after.getString("authorization");
    assertTrue(
        authorization != null && authorization.startsWith("Bearer "), "fetched without credential");
    org.jose4j.jwt.JwtClaims claims =
        org.jose4j.jwt.JwtClaims.parse(
            new String(
                java.util.Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("kam-gateway", claims.getIssuer());
  }

  @Test
  void theDocumentIsValidForARealOpenApiParser() {
    String json = given().accept("application/json").get("/q/openapi").asString();
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, null);
    assertTrue(
        result.getMessages() == null || result.getMessages().isEmpty(),
        "parser messages: " + result.getMessages());
    assertEquals("KAM API", result.getOpenAPI().getInfo().getTitle());
  }

  @Test
  void isAlsoServedAsYaml() {
    given()
        .get("/q/openapi?format=yaml")
        .then()
        .statusCode(200)
        .contentType(containsString("yaml"))
        .body(containsString("openapi:"));
  }

  @Test
  void swaggerUiIsServed() {
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
