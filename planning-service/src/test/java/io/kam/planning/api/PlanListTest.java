package io.kam.planning.api;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.DECIMALS;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.addPart;
import static io.kam.planning.testdata.Api.asManager;
import static io.kam.planning.testdata.Signals.publishSnapshot;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Plan list items carry the account name, the objectives roll-up and the weighted pipeline. */
@QuarkusTest
class PlanListTest {

  private static Map<String, Object> npsObjective(int target, String status) {
    return Map.of(
        "title",
        "nps " + target,
        "dueDate",
        "2027-06-30",
        "status",
        status,
        "kpi",
        Map.of("metric", "NPS", "baseline", 0, "target", target));
  }

  @Test
  void listItemsCarryTheAccountNameObjectiveRollupAndWeightedPipeline() {
    UUID account = anAccount().named("Rollup Works GmbH").create().id();
    publishSnapshot(account, Map.of("npsT12m", new BigDecimal("10")));
    UUID plan = activePlan(account);
    addPart(plan, "objectives", npsObjective(40, "OPEN")).then().statusCode(201); // 25 %
    addPart(plan, "objectives", npsObjective(5, "OPEN")).then().statusCode(201); // achieved
    addPart(plan, "objectives", npsObjective(100, "MISSED")).then().statusCode(201); // 10 %
    addPart(plan, "objectives", npsObjective(20, "CANCELLED")).then().statusCode(201);
    addPart(plan, "objectives", Map.of("title", "unbound", "dueDate", "2027-06-30"))
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
                1000,
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
                "UPSELL",
                "estimatedValue",
                200.5,
                "probability",
                0.5))
        .then()
        .statusCode(201);

    asManager()
        .config(DECIMALS)
        .queryParam("accountId", account.toString())
        .get("/api/v1/plans")
        .then()
        .statusCode(200)
        .body("items[0].accountName", equalTo("Rollup Works GmbH"))
        .body("items[0].objectives.total", equalTo(4))
        .body("items[0].objectives.achieved", equalTo(1))
        .body("items[0].objectives.missed", equalTo(1))
        .body("items[0].objectives.averageProgress", comparesEqualTo(new BigDecimal("45")))
        .body("items[0].weightedPipeline", comparesEqualTo(new BigDecimal("350.25")));
  }

  @Test
  void aPlanWithoutPartsHasAnEmptyRollup() {
    UUID account = anAccount().create().id();
    activePlan(account);
    asManager()
        .config(DECIMALS)
        .queryParam("accountId", account.toString())
        .get("/api/v1/plans")
        .then()
        .statusCode(200)
        .body("items[0].objectives.total", equalTo(0))
        .body("items[0].objectives.averageProgress", nullValue())
        .body("items[0].weightedPipeline", equalTo(0));
  }
}
