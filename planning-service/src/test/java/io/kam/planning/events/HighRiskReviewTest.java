package io.kam.planning.events;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.as;
import static io.kam.planning.testdata.Api.asManager;
import static io.kam.planning.testdata.Api.plan;
import static io.kam.planning.testdata.Api.status;
import static io.kam.planning.testdata.Api.transition;
import static io.kam.planning.testdata.Signals.SCORING;
import static io.kam.planning.testdata.Signals.riskChanged;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.kam.planning.testdata.AnAccount;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A plan a high risk put under review returns to ACTIVE by a kam-manager's review only. */
@QuarkusTest
class HighRiskReviewTest {

  private static final Map<String, Object> REVIEW =
      Map.of("summary", "talked to the sponsor", "decisions", List.of("weekly calls"));

  private static UUID planUnderReviewByRisk(AnAccount account) {
    UUID plan = activePlan(account.id());
    SCORING.send(riskChanged(account.id(), "HIGH", "MEDIUM", List.of("NEGATIVE_NPS")));
    await().atMost(Duration.ofSeconds(30)).until(() -> status(plan).equals("UNDER_REVIEW"));
    return plan;
  }

  @Test
  void theOwnKamsReviewIsRecordedButLeavesAHighRiskPlanUnderReview() {
    AnAccount account = anAccount().ownedBy("kam-hilde").create();
    UUID plan = planUnderReviewByRisk(account);
    plan(plan).then().body("reviewReason", equalTo("HIGH_RISK"));

    as("kam-hilde", "kam")
        .body(REVIEW)
        .post("/api/v1/plans/" + plan + "/reviews")
        .then()
        .statusCode(201)
        .body("reviewedBy", equalTo("user:kam-hilde"));
    plan(plan)
        .then()
        .body("status", equalTo("UNDER_REVIEW"))
        .body("reviewReason", equalTo("HIGH_RISK"));
    asManager()
        .get("/api/v1/plans/" + plan + "/reviews")
        .then()
        .body("items.reviewedBy", hasItem("user:kam-hilde"));

    asManager().body(REVIEW).post("/api/v1/plans/" + plan + "/reviews").then().statusCode(201);
    plan(plan).then().body("status", equalTo("ACTIVE")).body("reviewReason", nullValue());
  }

  @Test
  void aPlanSubmittedForReviewByHandReturnsByItsOwnKamsReview() {
    AnAccount account = anAccount().ownedBy("kam-ivo").create();
    UUID plan = activePlan(account.id());
    as("kam-ivo", "kam")
        .post("/api/v1/plans/" + plan + "/submit-for-review")
        .then()
        .statusCode(200);
    plan(plan).then().body("reviewReason", equalTo("MANUAL"));

    as("kam-ivo", "kam")
        .body(REVIEW)
        .post("/api/v1/plans/" + plan + "/reviews")
        .then()
        .statusCode(201);
    plan(plan).then().body("status", equalTo("ACTIVE")).body("reviewReason", nullValue());
  }

  @Test
  void aHighRiskReachingAPlanUnderReviewByHandNeedsAManagerToo() {
    AnAccount account = anAccount().ownedBy("kam-jens").create();
    UUID plan = activePlan(account.id());
    transition(plan, "submit-for-review").then().statusCode(200);
    SCORING.send(riskChanged(account.id(), "HIGH", "MEDIUM", List.of("LOW_CSAT")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "HIGH_RISK".equals(plan(plan).then().extract().path("reviewReason")));

    as("kam-jens", "kam")
        .body(REVIEW)
        .post("/api/v1/plans/" + plan + "/reviews")
        .then()
        .statusCode(201);
    plan(plan).then().body("status", equalTo("UNDER_REVIEW"));
  }
}
