package io.kam.account.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's OpenAPI document types every answer: what a generated client relies on. */
@QuarkusTest
class AccountOpenApiTest {

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
  void everySuccessfulAnswerWithABodyNamesATypedSchemaAndNoSchemaIsABareObject() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(document());
    List<String> untyped = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        JsonNode responses = op.getValue().get("responses");
        if (responses == null) {
          continue;
        }
        for (Map.Entry<String, JsonNode> r : responses.properties()) {
          if (!r.getKey().startsWith("2") || r.getKey().equals("204")) {
            continue;
          }
          JsonNode schema = r.getValue().at("/content/application~1json/schema");
          if (!schema.has("$ref")) {
            untyped.add(op.getKey() + " " + path.getKey() + " " + r.getKey());
          }
        }
      }
    }
    for (Map.Entry<String, JsonNode> s : doc.at("/components/schemas").properties()) {
      collectBare(s.getKey(), s.getValue(), untyped);
    }
    assertEquals(List.of(), untyped);
  }

  private static void collectBare(String where, JsonNode schema, List<String> out) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    if (schema.isEmpty()
        || ("object".equals(schema.path("type").asText())
            && !schema.has("properties")
            && !schema.has("additionalProperties"))) {
      out.add(where);
    }
    schema
        .path("properties")
        .properties()
        .forEach(p -> collectBare(where + "." + p.getKey(), p.getValue(), out));
    collectBare(where + "[]", schema.get("items"), out);
  }

  @Test
  void documentsMineAssessedAtAndTheHistoryValues() {
    given()
        .header("Authorization", "Bearer " + io.kam.platform.TestAuth.internal("kam-gateway"))
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(
            "paths.'/api/v1/accounts'.get.parameters.find { it.name == 'mine' }.schema.type",
            equalTo("boolean"))
        .body("components.schemas.AccountView.properties", hasKey("assessedAt"))
        .body("components.schemas.AccountRequest.properties", hasKey("assessedAt"))
        .body("components.schemas.SyncAccountItem.properties", hasKey("assessedAt"))
        .body(
            "components.schemas.AccountHistoryEntry.properties.from.oneOf.type", hasItem("string"))
        .body("components.schemas.AccountHistoryEntry.properties.to.oneOf.type", hasItem("null"));
  }
}
