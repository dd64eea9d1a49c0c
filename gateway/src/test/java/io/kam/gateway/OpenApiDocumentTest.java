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
    given().accept("application/json").get("/q/openapi").then().statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/me"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/api-keys"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/accounts/{id}/overview"))
        .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
        .body("components.securitySchemes.apiKeyAuth.name", equalTo("X-API-Key"))
        .body("tags.name", hasItem("gateway"))
        .body("paths.'/api/v1/me'.get.responses.'401'.content.'application/problem+json'.schema.'$ref'",
            equalTo("#/components/schemas/Problem"))
        .body("paths.'/api/v1/api-keys'.post.requestBody.content.'application/json'.example", notNullValue());
  }

  @Test
  void theDocumentIsValidForARealOpenApiParser() {
    String json = given().accept("application/json").get("/q/openapi").asString();
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, null);
    assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), "parser messages: " + result.getMessages());
    assertEquals("KAM API", result.getOpenAPI().getInfo().getTitle());
  }

  @Test
  void isAlsoServedAsYaml() {
    given().get("/q/openapi?format=yaml").then().statusCode(200).contentType(containsString("yaml"))
        .body(containsString("openapi:"));
  }

  @Test
  void swaggerUiIsServed() {
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
