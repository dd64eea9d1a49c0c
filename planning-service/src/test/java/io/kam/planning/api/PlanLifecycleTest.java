package io.kam.planning.api;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.draftPlan;
import static io.kam.planning.testdata.Api.status;
import static io.kam.planning.testdata.Api.transition;
import static io.kam.planning.testdata.Plans.planIn;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.planning.testdata.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class PlanLifecycleTest {

  @ParameterizedTest(name = "{1} moves a {0} plan to {2}")
  @CsvSource({
    "DRAFT, activate, ACTIVE",
    "ACTIVE, submit-for-review, UNDER_REVIEW",
    "ACTIVE, complete, COMPLETED",
    "UNDER_REVIEW, complete, COMPLETED",
    "DRAFT, archive, ARCHIVED",
    "ACTIVE, archive, ARCHIVED",
    "UNDER_REVIEW, archive, ARCHIVED",
    "COMPLETED, archive, ARCHIVED"
  })
  void allowsTheTransitionsOfTheDomain(String from, String action, String to) {
    UUID plan = planIn(from);
    transition(plan, action).then().statusCode(200).body("status", equalTo(to));
    assertThat(status(plan), is(to));
  }

  @ParameterizedTest(name = "{1} is refused for a {0} plan")
  @CsvSource({
    "ACTIVE, activate",
    "UNDER_REVIEW, activate",
    "COMPLETED, activate",
    "ARCHIVED, activate",
    "DRAFT, submit-for-review",
    "UNDER_REVIEW, submit-for-review",
    "COMPLETED, submit-for-review",
    "ARCHIVED, submit-for-review",
    "DRAFT, complete",
    "COMPLETED, complete",
    "ARCHIVED, complete",
    "ARCHIVED, archive"
  })
  void refusesEveryOtherTransitionWith409NamingTheCurrentState(String from, String action) {
    UUID plan = planIn(from);
    transition(plan, action)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("the plan is " + from));
    assertThat(status(plan), is(from));
  }

  @Test
  void refusesActivationWhileTheAccountHasALivePlan() {
    UUID account = anAccount().create().id();
    activePlan(account);
    UUID second = draftPlan(account);
    transition(second, "activate")
        .then()
        .statusCode(409)
        .body("detail", containsString("live plan"));
    assertThat(status(second), is("DRAFT"));
  }

  @Test
  void allowsANewActivationOnceTheLivePlanIsCompleted() {
    UUID account = anAccount().create().id();
    UUID first = activePlan(account);
    UUID second = draftPlan(account);
    transition(first, "complete").then().statusCode(200);
    transition(second, "activate").then().statusCode(200).body("status", equalTo("ACTIVE"));
  }

  @Test
  void refusesASecondDraftForOneAccount() {
    UUID account = anAccount().create().id();
    draftPlan(account);
    io.kam.planning.testdata.Api.asManager()
        .body(io.kam.planning.testdata.APlan.aPlan().forAccount(account).body())
        .post("/api/v1/plans")
        .then()
        .statusCode(409)
        .body("detail", containsString("DRAFT"));
  }

  @Test
  void activationSetsTheFirstReviewDateFromTheReviewInterval() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    // the test clock is pinned at 2026-10-01T00:00:00Z; default interval 90 days
    io.kam.planning.testdata.Api.plan(plan)
        .then()
        .body("nextReviewAt", equalTo("2026-12-30T00:00:00Z"))
        .body("reviewEveryDays", equalTo(90));
  }

  @Test
  void announcesCreationAndEveryStatusChangeWithReasonManual() {
    UUID account = anAccount().ownedBy("kam-olga").create().id();
    UUID plan = draftPlan(account);
    transition(plan, "activate").then().statusCode(200);
    transition(plan, "archive").then().statusCode(200);

    List<JsonNode> created = PublishedEvents.of(account, "kam.plan.created.v1", 1);
    assertThat(created, hasSize(1));
    assertThat(created.get(0).path("data").path("status").asText(), is("DRAFT"));
    assertThat(created.get(0).path("data").path("ownerId").asText(), is("kam-olga"));
    assertThat(created.get(0).path("subject").asText(), is(account.toString()));

    List<JsonNode> changes = PublishedEvents.of(account, "kam.plan.status-changed.v1", 2);
    assertThat(
        changes.stream()
            .map(
                e ->
                    e.path("data").path("previousStatus").asText()
                        + "->"
                        + e.path("data").path("status").asText()
                        + ":"
                        + e.path("data").path("reason").asText())
            .toList(),
        contains("DRAFT->ACTIVE:MANUAL", "ACTIVE->ARCHIVED:MANUAL"));
    assertThat(changes.get(0).path("data").path("planId").asText(), is(plan.toString()));
  }
}
