package io.kam.planning.api;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.DECIMALS;
import static io.kam.planning.testdata.Api.addPart;
import static io.kam.planning.testdata.Api.asManager;
import static io.kam.planning.testdata.Api.draftPlan;
import static io.kam.planning.testdata.Api.transition;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RisksAndOpportunitiesTest {

  @Test
  void aRiskIsRatedBySeverityAndListedHighestFirst() {
    UUID plan = draftPlan(anAccount().create().id());
    String low =
        addPart(plan, "risks", Map.of("description", "low", "likelihood", 1, "impact", 5))
            .then()
            .statusCode(201)
            .body("severity", equalTo(5))
            .extract()
            .path("id");
    addPart(
            plan,
            "risks",
            Map.of("description", "high", "likelihood", 3, "impact", 4, "mitigation", "exec call"))
        .then()
        .statusCode(201)
        .body("severity", equalTo(12))
        .body("mitigation", equalTo("exec call"));
    asManager()
        .get("/api/v1/plans/" + plan + "/risks")
        .then()
        .body("items.description", contains("high", "low"));

    asManager()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body(Map.of("likelihood", 5))
        .patch("/api/v1/plans/" + plan + "/risks/" + low)
        .then()
        .statusCode(200)
        .body("severity", equalTo(25))
        .body("impact", equalTo(5));
    asManager()
        .get("/api/v1/plans/" + plan + "/risks")
        .then()
        .body("items.description", contains("low", "high"));
  }

  @Test
  void refusesRatingsOutsideOneToFive() {
    UUID plan = draftPlan(anAccount().create().id());
    addPart(plan, "risks", Map.of("description", "d", "likelihood", 0, "impact", 6))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("likelihood"))
        .body("errors.field", hasItem("impact"));
    addPart(plan, "risks", Map.of("description", "d", "likelihood", "often", "impact", 2))
        .then()
        .statusCode(400);
  }

  @Test
  void anOpportunityCarriesItsExactWeightedValue() {
    UUID plan = draftPlan(anAccount().create().id());
    String id =
        addPart(
                plan,
                "opportunities",
                Map.of(
                    "productLine",
                    "SECURITY",
                    "kind",
                    "UPSELL",
                    "estimatedValue",
                    new BigDecimal("120000.1234"),
                    "probability",
                    new BigDecimal("0.35"),
                    "expectedClose",
                    "2027-03-31"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String path = "/api/v1/plans/" + plan + "/opportunities/" + id;
    asManager()
        .config(DECIMALS)
        .get(path)
        .then()
        .statusCode(200)
        .body("weightedValue", comparesEqualTo(new BigDecimal("42000.04319")))
        .body("expectedClose", equalTo("2027-03-31"))
        .body("kind", equalTo("UPSELL"));
    asManager()
        .config(DECIMALS)
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body(Map.of("probability", 1))
        .patch(path)
        .then()
        .statusCode(200)
        .body("weightedValue", comparesEqualTo(new BigDecimal("120000.1234")));
    asManager()
        .config(DECIMALS)
        .get("/api/v1/plans/" + plan)
        .then()
        .body("weightedPipeline", comparesEqualTo(new BigDecimal("120000.1234")));
  }

  @Test
  void refusesNegativeValuesProbabilitiesOutsideZeroToOneAndUnknownKinds() {
    UUID plan = draftPlan(anAccount().create().id());
    Map<String, Object> bad =
        new HashMap<>(
            Map.of(
                "productLine", "X", "kind", "RENEWAL", "estimatedValue", -1, "probability", 1.5));
    addPart(plan, "opportunities", bad)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("estimatedValue"))
        .body("errors.field", hasItem("probability"));
    bad.putAll(Map.of("estimatedValue", new BigDecimal("1.12345"), "probability", 0.5));
    addPart(plan, "opportunities", bad)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("estimatedValue"));
    bad.putAll(Map.of("estimatedValue", 1, "kind", "GIFT"));
    addPart(plan, "opportunities", bad).then().statusCode(400);
  }

  @Test
  void partsOfArchivedPlansNoLongerChange() {
    UUID plan = draftPlan(anAccount().create().id());
    String risk =
        addPart(plan, "risks", Map.of("description", "d", "likelihood", 2, "impact", 2))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    transition(plan, "archive").then().statusCode(200);
    addPart(plan, "risks", Map.of("description", "d", "likelihood", 2, "impact", 2))
        .then()
        .statusCode(409)
        .body("detail", containsString("ARCHIVED"));
    asManager()
        .header("If-Match", "\"0\"")
        .delete("/api/v1/plans/" + plan + "/risks/" + risk)
        .then()
        .statusCode(409);
    asManager().get("/api/v1/plans/" + plan + "/risks/" + risk).then().statusCode(200);
  }

  @Test
  void anIdempotencyKeyAddsAPartOnce() {
    UUID plan = draftPlan(anAccount().create().id());
    String key = UUID.randomUUID().toString();
    Map<String, Object> risk = Map.of("description", "once", "likelihood", 2, "impact", 2);
    String first =
        asManager()
            .header("Idempotency-Key", key)
            .body(risk)
            .post("/api/v1/plans/" + plan + "/risks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    asManager()
        .header("Idempotency-Key", key)
        .body(risk)
        .post("/api/v1/plans/" + plan + "/risks")
        .then()
        .statusCode(201)
        .body("id", equalTo(first))
        .header("Idempotent-Replayed", equalTo("true"));
    asManager()
        .header("Idempotency-Key", key)
        .body(Map.of("description", "other", "likelihood", 2, "impact", 2))
        .post("/api/v1/plans/" + plan + "/risks")
        .then()
        .statusCode(422);
    asManager()
        .get("/api/v1/plans/" + plan + "/risks")
        .then()
        .body("items.description", contains("once"));
  }

  @Test
  void aPartIsFoundOnlyUnderItsOwnPlan() {
    UUID plan = draftPlan(anAccount().create().id());
    UUID other = draftPlan(anAccount().create().id());
    String risk =
        addPart(plan, "risks", Map.of("description", "d", "likelihood", 2, "impact", 2))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    asManager().get("/api/v1/plans/" + other + "/risks/" + risk).then().statusCode(404);
    asManager().get("/api/v1/plans/" + UUID.randomUUID() + "/risks").then().statusCode(404);
  }
}
