package io.kam.planning.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

  private static String document() {
    return given()
        .header("Authorization", "Bearer " + io.kam.platform.TestAuth.internal("kam-gateway"))
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void documentsThePlanningPaths() {
    given()
        .header("Authorization", "Bearer " + io.kam.platform.TestAuth.internal("kam-gateway"))
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths", hasKey("/api/v1/plans"))
        .body("paths", hasKey("/api/v1/plans/{id}/activate"))
        .body("paths", hasKey("/api/v1/plans/{id}/history"))
        .body("paths", hasKey("/api/v1/plans/{planId}/objectives/{id}"))
        .body("paths", hasKey("/api/v1/actions"))
        .body("paths.'/api/v1/plans'.post.summary", notNullValue());
  }

  /** Every JSON success response names a schema with typed fields, never a bare object. */
  @Test
  void everySuccessResponseHasATypedSchema() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(document());
    List<String> bare = new ArrayList<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op ->
                            op.getValue()
                                .path("responses")
                                .fields()
                                .forEachRemaining(
                                    r -> {
                                      if (!r.getKey().startsWith("2")) {
                                        return;
                                      }
                                      r.getValue()
                                          .path("content")
                                          .fields()
                                          .forEachRemaining(
                                              c -> {
                                                if (!typed(doc, c.getValue().path("schema"))) {
                                                  bare.add(
                                                      op.getKey()
                                                          + " "
                                                          + path.getKey()
                                                          + " "
                                                          + r.getKey());
                                                }
                                              });
                                    })));
    assertThat(bare, empty());
  }

  private static boolean typed(JsonNode doc, JsonNode schema) {
    if (schema.has("$ref")) {
      String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
      return typed(doc, doc.path("components").path("schemas").path(name));
    }
    if (schema.isMissingNode() || schema.isEmpty()) {
      return false;
    }
    if ("array".equals(schema.path("type").asText())) {
      return typed(doc, schema.path("items"));
    }
    return !"object".equals(schema.path("type").asText()) || schema.has("properties");
  }
}
