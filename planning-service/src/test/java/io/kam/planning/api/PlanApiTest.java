package io.kam.planning.api;

import static io.kam.planning.testdata.APlan.aPlan;
import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.addPart;
import static io.kam.planning.testdata.Api.asManager;
import static io.kam.planning.testdata.Api.draftPlan;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.kam.planning.testdata.AnAccount;
import io.kam.planning.testdata.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanApiTest {

  @Test
  void createsADraftWithLocationETagAndTheAccountOwnerAsDefaultOwner() {
    AnAccount account = anAccount().ownedBy("kam-karl").create();
    Response r = asManager().body(aPlan().forAccount(account.id()).body()).post("/api/v1/plans");
    r.then()
        .statusCode(201)
        .header("ETag", equalTo("\"0\""))
        .body("status", equalTo("DRAFT"))
        .body("ownerId", equalTo("kam-karl"))
        .body("reviewEveryDays", equalTo(90))
        .body("period.start", equalTo("2026-10-01"))
        .body("weightedPipeline", equalTo(0));
    String id = r.path("id");
    r.then().header("Location", containsString("/api/v1/plans/" + id));
    asManager()
        .get("/api/v1/plans/" + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"0\""))
        .body("title", equalTo("Grow Acme in 2027"));
  }

  @Test
  void replaysTheFirstResponseForTheSameIdempotencyKeyAndRefusesAnotherBody() {
    UUID account = anAccount().create().id();
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = aPlan().forAccount(account).body();
    String first =
        asManager()
            .header("Idempotency-Key", key)
            .body(body)
            .post("/api/v1/plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    asManager()
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/plans")
        .then()
        .statusCode(201)
        .body("id", equalTo(first))
        .header("Location", containsString(first));
    asManager()
        .header("Idempotency-Key", key)
        .body(aPlan().forAccount(account).titled("other").body())
        .post("/api/v1/plans")
        .then()
        .statusCode(422);
  }

  @Test
  void refusesPlansForUnknownOrDeletedAccountsWith422() {
    asManager()
        .body(aPlan().forAccount(UUID.randomUUID()).body())
        .post("/api/v1/plans")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("accountId"));
    AnAccount deleted = anAccount().create().delete();
    asManager()
        .body(aPlan().forAccount(deleted.id()).body())
        .post("/api/v1/plans")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("accountId"));
  }

  @Test
  void validatesTheBodyNamingTheFields() {
    UUID account = anAccount().create().id();
    asManager()
        .body(Map.of("accountId", account.toString(), "period", Map.of("start", "2026-10-01")))
        .post("/api/v1/plans")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("title"))
        .body("errors.field", hasItem("period.end"));
    asManager()
        .body(aPlan().forAccount(account).period("2026-10-01", "2026-09-30").body())
        .post("/api/v1/plans")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("period.end"));
    asManager()
        .body(aPlan().forAccount(account).reviewedEvery(0).body())
        .post("/api/v1/plans")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("reviewEveryDays"));
    asManager()
        .body("{\"accountId\": \"not-a-uuid\"}")
        .post("/api/v1/plans")
        .then()
        .statusCode(400);
    asManager().body("{not json").post("/api/v1/plans").then().statusCode(400);
  }

  @Test
  void returnsThePlanWithItsPartsRisksBySeverityAndTheWeightedPipeline() {
    UUID plan = draftPlan(anAccount().create().id());
    addPart(plan, "risks", Map.of("description", "minor", "likelihood", 2, "impact", 2))
        .then()
        .statusCode(201);
    addPart(plan, "risks", Map.of("description", "major", "likelihood", 4, "impact", 5))
        .then()
        .statusCode(201);
    addPart(plan, "risks", Map.of("description", "middle", "likelihood", 3, "impact", 3))
        .then()
        .statusCode(201);
    addPart(
            plan,
            "opportunities",
            Map.of(
                "productLine",
                "ANALYTICS",
                "kind",
                "CROSS_SELL",
                "estimatedValue",
                10000.50,
                "probability",
                0.25))
        .then()
        .statusCode(201);
    addPart(
            plan,
            "opportunities",
            Map.of(
                "productLine",
                "CLOUD",
                "kind",
                "RENEWAL",
                "estimatedValue",
                3333.3333,
                "probability",
                0.3))
        .then()
        .statusCode(201);
    addPart(plan, "objectives", Map.of("title", "win back trust")).then().statusCode(201);
    addPart(plan, "actions", Map.of("title", "call the CFO", "dueDate", "2026-10-15"))
        .then()
        .statusCode(201);

    // 10000.50 x 0.25 + 3333.3333 x 0.3 = 2500.125 + 999.99999 = 3500.12499 exactly
    asManager()
        .config(Api.DECIMALS)
        .get("/api/v1/plans/" + plan)
        .then()
        .statusCode(200)
        .body("risks.description", contains("major", "middle", "minor"))
        .body("risks.severity", contains(20, 9, 4))
        .body("weightedPipeline", comparesEqualTo(new BigDecimal("3500.12499")))
        .body("objectives.title", contains("win back trust"))
        .body("actions.title", contains("call the CFO"));
  }

  @Test
  void patchesWithMergePatchUnderIfMatch() {
    UUID plan = draftPlan(anAccount().create().id());
    String path = "/api/v1/plans/" + plan;
    asManager()
        .contentType("application/merge-patch+json")
        .body(Map.of("title", "new"))
        .patch(path)
        .then()
        .statusCode(428);
    asManager()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"7\"")
        .body(Map.of("title", "new"))
        .patch(path)
        .then()
        .statusCode(412);
    asManager()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body(Map.of("title", "Renewed plan", "reviewEveryDays", 30))
        .patch(path)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("title", equalTo("Renewed plan"))
        .body("reviewEveryDays", equalTo(30))
        .body("period.end", equalTo("2027-09-30"));
    asManager()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body(Map.of("title", "x"))
        .patch(path)
        .then()
        .statusCode(412);
  }

  @Test
  void refusesPatchesOfStatusOrRequiredFieldsRemoved() {
    UUID plan = draftPlan(anAccount().create().id());
    String path = "/api/v1/plans/" + plan;
    asManager()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body(Map.of("status", "ACTIVE"))
        .patch(path)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("status"));
    asManager()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body("{\"title\": null}")
        .patch(path)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("title"));
    asManager()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body(Map.of("accountId", UUID.randomUUID().toString()))
        .patch(path)
        .then()
        .statusCode(422);
    asManager()
        .contentType("application/json")
        .header("If-Match", "\"0\"")
        .body(Map.of("title", "x"))
        .patch(path)
        .then()
        .statusCode(415);
  }

  @Test
  void deletesUnderIfMatch() {
    UUID plan = draftPlan(anAccount().create().id());
    addPart(plan, "risks", Map.of("description", "r", "likelihood", 1, "impact", 1))
        .then()
        .statusCode(201);
    asManager().delete("/api/v1/plans/" + plan).then().statusCode(428);
    asManager().header("If-Match", "\"0\"").delete("/api/v1/plans/" + plan).then().statusCode(204);
    asManager()
        .get("/api/v1/plans/" + plan)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void listsByAccountOwnerAndStatusWithCursorPaging() {
    AnAccount a = anAccount().ownedBy("kam-list-" + UUID.randomUUID()).create();
    UUID first = draftPlan(a.id());
    io.kam.planning.testdata.Api.transition(first, "activate").then().statusCode(200);
    UUID second = draftPlan(a.id());
    io.kam.planning.testdata.Api.transition(second, "archive").then().statusCode(200);
    UUID third = draftPlan(a.id());

    Response page1 =
        asManager()
            .queryParam("accountId", a.id().toString())
            .queryParam("limit", 2)
            .get("/api/v1/plans");
    page1
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(2))
        .body("nextCursor", notNullValue());
    asManager()
        .queryParam("accountId", a.id().toString())
        .queryParam("limit", 2)
        .queryParam("cursor", page1.path("nextCursor").toString())
        .get("/api/v1/plans")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("nextCursor", equalTo(null));
    asManager()
        .queryParam("ownerId", a.ownerId())
        .queryParam("status", "DRAFT")
        .get("/api/v1/plans")
        .then()
        .statusCode(200)
        .body("items.id", contains(third.toString()));
    asManager()
        .queryParam("accountId", a.id().toString())
        .queryParam("status", "ACTIVE")
        .get("/api/v1/plans")
        .then()
        .body("items.id", contains(first.toString()));
  }

  @Test
  void aPlansCursorOnTheWorkListOrWithOtherFiltersIs400() {
    AnAccount a = anAccount().create();
    io.kam.planning.testdata.Api.transition(draftPlan(a.id()), "archive").then().statusCode(200);
    draftPlan(a.id());
    String cursor =
        asManager()
            .queryParam("accountId", a.id().toString())
            .queryParam("limit", 1)
            .get("/api/v1/plans")
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    asManager()
        .queryParam("cursor", cursor)
        .get("/api/v1/actions")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asManager()
        .queryParam("accountId", a.id().toString())
        .queryParam("status", "DRAFT")
        .queryParam("cursor", cursor)
        .get("/api/v1/plans")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asManager()
        .queryParam("accountId", a.id().toString())
        .queryParam("cursor", cursor)
        .get("/api/v1/plans")
        .then()
        .statusCode(200);
  }

  @Test
  void answersBadListParametersWith400() {
    asManager()
        .queryParam("status", "SLEEPING")
        .get("/api/v1/plans")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("status"));
    asManager().queryParam("accountId", "nope").get("/api/v1/plans").then().statusCode(400);
    asManager().queryParam("dueForReview", "maybe").get("/api/v1/plans").then().statusCode(400);
    asManager().queryParam("limit", "0").get("/api/v1/plans").then().statusCode(400);
    asManager().queryParam("cursor", "forged.cursor").get("/api/v1/plans").then().statusCode(400);
    asManager().get("/api/v1/plans/" + UUID.randomUUID()).then().statusCode(404);
  }
}
