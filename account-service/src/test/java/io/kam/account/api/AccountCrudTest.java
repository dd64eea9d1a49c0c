package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.aFullAccount;
import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.create;
import static io.kam.account.testdata.Api.createId;
import static io.kam.account.testdata.Api.etagOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.kam.account.testdata.AccountBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountCrudTest {

  @Test
  void createsWithEveryFieldAndAnswers201WithLocationAndEtag() {
    AccountBuilder account = aFullAccount();
    var created =
        asAdmin()
            .body(account.build())
            .when()
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .header("Location", org.hamcrest.Matchers.containsString("/api/v1/accounts/"))
            .header("ETag", "\"1\"")
            .body("id", notNullValue())
            .body("name", equalTo(account.build().get("name")))
            .body("country", equalTo("DE"))
            .body("employees", equalTo(1200))
            .body("lifecycle", equalTo("CUSTOMER"))
            .body("team[0].userId", equalTo("se-sam"))
            .body("relationshipStage", equalTo("COOPERATIVE"))
            .body("assessment.marketInfluence", equalTo(5))
            .body("version", equalTo(1))
            .body("createdAt", notNullValue())
            .body("updatedAt", notNullValue())
            .extract();
    String id = created.path("id");
    BigDecimal spend =
        asAdmin()
            .when()
            .get("/api/v1/accounts/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath(
                JsonPathConfig.jsonPathConfig()
                    .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
            .get("potentialAnnualSpend");
    org.junit.jupiter.api.Assertions.assertEquals(
        0, new BigDecimal("2500000.1234").compareTo(spend));
  }

  @Test
  void replacesWithIfMatchAndBumpsTheVersion() {
    String id = createId(aFullAccount());
    asAdmin()
        .header("If-Match", "\"1\"")
        .body(anAccount().named("Renamed").build())
        .when()
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("name", equalTo("Renamed"))
        .body("country", nullValue())
        .body("team", hasSize(0));
  }

  @Test
  void anIdenticalReplaceKeepsTheVersion() {
    AccountBuilder account = aFullAccount();
    String id = createId(account);
    asAdmin()
        .header("If-Match", "\"1\"")
        .body(account.build())
        .when()
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"");
  }

  @Test
  void mergePatchChangesOnlyTheGivenFieldsAndNullClears() {
    String id = createId(aFullAccount());
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body(
            "{\"region\": null, \"assessment\": {\"fit\": 5}, \"potentialAnnualSpend\": 12345678901234.5678}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("region", nullValue())
        .body("country", equalTo("DE"))
        .body("assessment.fit", equalTo(5))
        .body("assessment.strategicAlignment", equalTo(4));
    String raw = asAdmin().when().get("/api/v1/accounts/" + id).then().extract().asString();
    org.junit.jupiter.api.Assertions.assertTrue(
        raw.contains("\"potentialAnnualSpend\":12345678901234.5678"), raw);
  }

  @Test
  void writesWithoutIfMatchAre428AndWithAStaleOneAre412() {
    String id = createId(anAccount());
    asAdmin().body(anAccount().build()).when().put("/api/v1/accounts/" + id).then().statusCode(428);
    asAdmin()
        .header("If-Match", "\"7\"")
        .body(anAccount().build())
        .when()
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"7\"")
        .body("{\"name\":\"x\"}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(412);
    asAdmin().when().delete("/api/v1/accounts/" + id).then().statusCode(428);
  }

  @Test
  void deleteIsSoftAndTheAccountIsGoneAfterwards() {
    String id = createId(anAccount());
    asAdmin()
        .header("If-Match", etagOf(id))
        .when()
        .delete("/api/v1/accounts/" + id)
        .then()
        .statusCode(204);
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    asAdmin()
        .queryParam("q", "")
        .when()
        .get("/api/v1/accounts/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items[0].field", equalTo("deleted"));
  }

  @Test
  void idempotencyKeyReplaysTheFirstCreation() {
    Map<String, Object> body = anAccount().build();
    String key = UUID.randomUUID().toString();
    String first =
        asAdmin()
            .header("Idempotency-Key", key)
            .body(body)
            .when()
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    asAdmin()
        .header("Idempotency-Key", key)
        .body(body)
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(201)
        .body("id", equalTo(first))
        .header("Location", org.hamcrest.Matchers.endsWith(first));
    asAdmin()
        .header("Idempotency-Key", key)
        .body(anAccount().build())
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(422);
  }

  @Test
  void aSecondAccountWithTheSameExternalReferenceIs409() {
    String ext = "X-" + UUID.randomUUID();
    create(anAccount().withRef("crm", ext));
    asAdmin()
        .body(anAccount().withRef("crm", ext).build())
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(409)
        .body("errors[0].field", equalTo("externalId"));
  }

  @Test
  void sourceWithoutExternalIdIs422() {
    asAdmin()
        .body(anAccount().with("source", "crm").build())
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("externalId"));
  }

  @Test
  void unknownAccountIs404() {
    asAdmin().when().get("/api/v1/accounts/" + UUID.randomUUID()).then().statusCode(404);
  }
}
