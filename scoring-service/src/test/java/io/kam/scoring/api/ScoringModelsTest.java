package io.kam.scoring.api;

import static io.kam.scoring.testdata.Api.as;
import static io.kam.scoring.testdata.Api.manager;
import static io.kam.scoring.testdata.Api.viewer;
import static io.kam.scoring.testdata.Numbers.number;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.kam.scoring.testdata.ModelJson;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Versioned scoring models: the default is version 1 and active; new ones are drafts. */
@QuarkusTest
class ScoringModelsTest {

  private static final String MODELS = "/api/v1/scoring-models";
  private static final String DEFAULT_ID = "00000000-0000-0000-0000-000000000001";

  @Test
  void theDefaultModelIsVersionOneAndActive() {
    viewer()
        .get(MODELS + "/{id}", DEFAULT_ID)
        .then()
        .statusCode(200)
        .header("ETag", startsWith("\""))
        .body("version", equalTo(1))
        .body("status", equalTo("ACTIVE"))
        .body(
            "criteria.key",
            org.hamcrest.Matchers.contains(
                "revenue",
                "growth",
                "walletHeadroom",
                "strategicAlignment",
                "marketInfluence",
                "fit",
                "satisfaction"))
        .body("criteria[0].input", equalTo("t12mRevenue"))
        .body("criteria[0].weight", number("0.30"))
        .body("criteria[0].normalization.kind", equalTo("LOG"))
        .body("criteria[0].normalization.max", number("10000000"))
        .body("criteria[2].input", equalTo("walletHeadroom"))
        .body("thresholds.key", number("70"))
        .body("thresholds.keyExit", number("65"))
        .body("thresholds.developing", number("50"))
        .body("rescoring", nullValue());
    viewer()
        .queryParam("status", "ACTIVE")
        .get(MODELS)
        .then()
        .statusCode(200)
        .body("items.version", org.hamcrest.Matchers.contains(1));
  }

  @Test
  void aManagerCreatesANewVersionAsADraft() {
    manager()
        .contentType("application/json")
        .body(ModelJson.defaultWithThresholds(60, 55, 40))
        .post(MODELS)
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.containsString(MODELS + "/"))
        .body("status", equalTo("DRAFT"))
        .body("version", greaterThan(1))
        .body("createdBy", equalTo("user:mia-manager"))
        .body("thresholds.key", number("60"));
  }

  @Test
  void anIdempotencyKeyCreatesTheDraftOnce() {
    String key = UUID.randomUUID().toString();
    String body = ModelJson.defaultWithThresholds(61, 55, 40);
    String first =
        manager()
            .header("Idempotency-Key", key)
            .contentType("application/json")
            .body(body)
            .post(MODELS)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    manager()
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(body)
        .post(MODELS)
        .then()
        .statusCode(201)
        .body("id", equalTo(first));
    manager()
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(ModelJson.defaultWithThresholds(62, 55, 40))
        .post(MODELS)
        .then()
        .statusCode(422);
  }

  @Test
  void validationNamesEveryInvalidField() {
    String body =
        "{\"criteria\":[{\"key\":\"revenue\",\"input\":\"t12mRevenue\",\"weight\":0,"
            + "\"normalization\":{\"kind\":\"LOG\",\"min\":0,\"max\":100}},"
            + "{\"key\":\"revenue\",\"input\":\"gossip\",\"weight\":1,"
            + "\"normalization\":{\"kind\":\"CUBIC\",\"min\":5,\"max\":1}}],"
            + "\"thresholds\":{\"key\":60,\"keyExit\":65,\"developing\":120}}";

    manager()
        .contentType("application/json")
        .body(body)
        .post(MODELS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            hasItems(
                "criteria[0].weight",
                "criteria[0].normalization.min",
                "criteria[1].key",
                "criteria[1].input",
                "criteria[1].normalization.kind",
                "criteria[1].normalization.min",
                "thresholds.developing"))
        .body("errors.find { it.field == 'criteria[0].weight' }.message", equalTo("must be > 0"));
    manager()
        .contentType("application/json")
        .body("{\"criteria\":[],\"thresholds\":null}")
        .post(MODELS)
        .then()
        .statusCode(422)
        .body("errors.field", hasItems("criteria", "thresholds"));
  }

  @Test
  void malformedModelsAre400NamingTheField() {
    manager()
        .contentType("application/json")
        .body("{\"criteria\":[{\"key\":\"x\",\"input\":\"fit\",\"weight\":\"heavy\"}]}")
        .post(MODELS)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("criteria[0].weight"));
  }

  @Test
  void onlyManagersAndAdminsWriteModels() {
    as("kam-anna", "kam")
        .contentType("application/json")
        .body(ModelJson.defaultWithThresholds(60, 55, 40))
        .post(MODELS)
        .then()
        .statusCode(403);
    as("kam-anna", "kam").post(MODELS + "/{id}/activate", DEFAULT_ID).then().statusCode(403);
    as("kam-anna", "kam").post(MODELS + "/{id}/simulate", DEFAULT_ID).then().statusCode(403);
    as("ingest", "integration").get(MODELS).then().statusCode(200);
  }

  @Test
  void onlyADraftCanBeActivated() {
    manager().post(MODELS + "/{id}/activate", DEFAULT_ID).then().statusCode(409);
    manager().post(MODELS + "/{id}/activate", UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void unknownModelsAre404AndBadIds400() {
    viewer().get(MODELS + "/{id}", UUID.randomUUID()).then().statusCode(404);
    viewer().get(MODELS + "/nope").then().statusCode(400);
    viewer()
        .queryParam("status", "GONE")
        .get(MODELS)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("status"));
  }

  @Test
  void listsModelsByVersionWithCursorPaging() {
    for (int i = 0; i < 2; i++) {
      manager()
          .contentType("application/json")
          .body(ModelJson.defaultWithThresholds(60, 55, 40))
          .post(MODELS)
          .then()
          .statusCode(201);
    }
    var first =
        viewer()
            .queryParam("limit", 1)
            .get(MODELS)
            .then()
            .statusCode(200)
            .body("items[0].version", equalTo(1))
            .extract();
    String cursor = first.path("nextCursor");
    viewer()
        .queryParam("limit", 1)
        .queryParam("cursor", cursor)
        .get(MODELS)
        .then()
        .statusCode(200)
        .body("items[0].version", greaterThan(1));
  }
}
