package io.kam.scoring.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every response of the scoring API has a precise schema: frontends generate clients from it. */
@QuarkusTest
class OpenApiTest {

  private static JsonNode document() throws Exception {
    String json =
        given()
            .header("Authorization", "Bearer " + TestAuth.internal("kam-gateway"))
            .accept("application/json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return new ObjectMapper().readTree(json);
  }

  @Test
  void everySuccessfulResponseHasATypedSchemaAndNoSchemaIsABareObject() throws Exception {
    JsonNode doc = document();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        for (Map.Entry<String, JsonNode> response : op.getValue().path("responses").properties()) {
          String code = response.getKey();
          String where = op.getKey() + " " + path.getKey() + " " + code;
          if (!code.startsWith("2") || code.equals("204")) {
            continue;
          }
          JsonNode content = response.getValue().path("content");
          if (content.isEmpty()) {
            problems.add(where + ": no content schema");
          }
          for (Map.Entry<String, JsonNode> media : content.properties()) {
            bare(where + " " + media.getKey(), media.getValue().path("schema"), problems);
          }
        }
      }
    }
    for (Map.Entry<String, JsonNode> schema : doc.path("components").path("schemas").properties()) {
      bare("components.schemas." + schema.getKey(), schema.getValue(), problems);
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void documentsTheExplainedScoreTheStaleListAndThePortfolioSummary() throws Exception {
    JsonNode doc = document();
    JsonNode paths = doc.path("paths");
    List<String> missing = new ArrayList<>();
    for (String p :
        List.of(
            "/api/v1/scores/stale",
            "/api/v1/portfolio/summary",
            "/api/v1/portfolio/summary/movements")) {
      if (paths.path(p).path("get").isMissingNode()) {
        missing.add(p);
      }
    }
    assertEquals(List.of(), missing);
    JsonNode score = doc.path("components").path("schemas").path("ScoreView").path("properties");
    assertEquals(
        "#/components/schemas/TierExplanationView",
        score.path("tierExplanation").path("$ref").asText());
    assertEquals(
        "#/components/schemas/FreshnessView", score.path("freshness").path("$ref").asText());
  }

  /** The type, or the non-null one of a nullable type list (OpenAPI 3.1). */
  private static String typeOf(JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
      return "null";
    }
    return type.asText("");
  }

  /** A schema that says nothing about its shape: an object without properties, or nothing. */
  private static void bare(String where, JsonNode schema, List<String> problems) {
    if (schema.isMissingNode() || schema.isEmpty()) {
      problems.add(where + ": empty schema");
      return;
    }
    if (schema.has("$ref") || schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
      return;
    }
    String type = typeOf(schema.path("type"));
    if (type.equals("array")) {
      bare(where + "[]", schema.path("items"), problems);
    } else if ((type.equals("object") || type.isEmpty())
        && !schema.has("properties")
        && !schema.path("additionalProperties").isObject()
        && !schema.has("enum")) {
      problems.add(where + ": bare object");
    } else if (schema.has("properties")) {
      for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
        bare(where + "." + p.getKey(), p.getValue(), problems);
      }
    }
  }
}
