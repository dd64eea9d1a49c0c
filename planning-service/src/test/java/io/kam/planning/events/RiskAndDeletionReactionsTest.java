package io.kam.planning.events;

import static io.kam.planning.events.KeyDesignationReactionsTest.awaitPlans;
import static io.kam.planning.events.KeyDesignationReactionsTest.awaitScoringProcessed;
import static io.kam.planning.events.KeyDesignationReactionsTest.plansOf;
import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.asManager;
import static io.kam.planning.testdata.Api.draftPlan;
import static io.kam.planning.testdata.Api.status;
import static io.kam.planning.testdata.Signals.SCORING;
import static io.kam.planning.testdata.Signals.keyDesignated;
import static io.kam.planning.testdata.Signals.riskChanged;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.planning.testdata.AnAccount;
import io.kam.planning.testdata.Producer;
import io.kam.planning.testdata.PublishedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RiskAndDeletionReactionsTest {

  private static final List<String> SIGNALS = List.of("REVENUE_DECLINE_12M", "NEGATIVE_NPS");

  private static JsonPath risksOf(UUID plan) {
    return asManager()
        .get("/api/v1/plans/" + plan + "/risks")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Inject EntityManager em;

  /** Read-only look at the chassis's parking, only to know when both events are parked. */
  private long parkedFor(UUID account) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(*) from kam_chassis.parked_event where subject = ?1")
                            .setParameter(1, account.toString())
                            .getSingleResult())
                    .longValue());
  }

  @Test
  void highRiskPutsTheLivePlanUnderReviewWithARiskNamingTheSignalsOnce() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    Producer.Sent high = SCORING.send(riskChanged(account, "HIGH", "MEDIUM", SIGNALS));
    await().atMost(Duration.ofSeconds(30)).until(() -> status(plan).equals("UNDER_REVIEW"));
    SCORING.send(high);
    awaitScoringProcessed(account);

    JsonPath risks = risksOf(plan);
    assertThat(risks.getList("items"), hasSize(1));
    assertThat(risks.getString("items[0].description"), containsString("REVENUE_DECLINE_12M"));
    assertThat(risks.getString("items[0].description"), containsString("NEGATIVE_NPS"));
    assertThat(risks.getInt("items[0].severity"), is(20));
    List<JsonNode> changes = PublishedEvents.settled(account, "kam.plan.status-changed.v1", 2);
    JsonNode last = changes.get(1).path("data");
    assertThat(
        last.path("status").asText() + ":" + last.path("reason").asText(),
        is("UNDER_REVIEW:RISK_HIGH"));
  }

  @Test
  void highRiskWithoutALivePlanGoesToTheDraft() {
    UUID account = anAccount().create().id();
    UUID draft = draftPlan(account);
    SCORING.send(riskChanged(account, "HIGH", "LOW", List.of("REVENUE_DROP_3M", "LOW_CSAT")));
    await().atMost(Duration.ofSeconds(30)).until(() -> risksOf(draft).getList("items").size() == 1);
    assertThat(status(draft), is("DRAFT"));
    assertThat(risksOf(draft).getString("items[0].description"), containsString("LOW_CSAT"));
  }

  @Test
  void aPlanAlreadyUnderReviewOnlyGainsTheRisk() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    io.kam.planning.testdata.Api.transition(plan, "submit-for-review").then().statusCode(200);
    SCORING.send(riskChanged(account, "HIGH", "MEDIUM", SIGNALS));
    await().atMost(Duration.ofSeconds(30)).until(() -> risksOf(plan).getList("items").size() == 1);
    assertThat(status(plan), is("UNDER_REVIEW"));
  }

  @Test
  void riskBelowHighChangesNothing() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    SCORING.send(riskChanged(account, "MEDIUM", "LOW", List.of("NEGATIVE_NPS")));
    awaitScoringProcessed(account);
    assertThat(status(plan), is("ACTIVE"));
    assertThat(risksOf(plan).getList("items"), hasSize(0));
  }

  @Test
  void scoringEventsBeforeTheAccountAreParkedAndAppliedInTheirOrder() {
    AnAccount account = anAccount();
    SCORING.send(keyDesignated(account.id()));
    SCORING.send(riskChanged(account.id(), "HIGH", "MEDIUM", SIGNALS));
    // both must be parked before the account arrives (a park racing the replay waits for the next
    // event)
    await().atMost(Duration.ofSeconds(30)).until(() -> parkedFor(account.id()) == 2);
    account.create();
    List<Object> plans = awaitPlans(account.id(), 1);
    UUID draft = UUID.fromString(plansOf(account.id()).getString("items[0].id"));
    await().atMost(Duration.ofSeconds(30)).until(() -> risksOf(draft).getList("items").size() == 1);
    assertThat(plans, hasSize(1));
    assertThat(status(draft), is("DRAFT"));
  }

  @Test
  void deletingTheAccountArchivesAllItsPlansOnceAlsoWhenRedelivered() {
    AnAccount account = anAccount().create();
    UUID live = activePlan(account.id());
    UUID draft = draftPlan(account.id());
    Producer.Sent deleted = account.deletedEvent();
    account.publish(deleted).publish(deleted);
    account.awaitKnown(true);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status(live).equals("ARCHIVED") && status(draft).equals("ARCHIVED"));
    List<JsonNode> changes = PublishedEvents.settled(account.id(), "kam.plan.status-changed.v1", 3);
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
        containsInAnyOrder(
            "DRAFT->ACTIVE:MANUAL",
            "ACTIVE->ARCHIVED:ACCOUNT_DELETED",
            "DRAFT->ARCHIVED:ACCOUNT_DELETED"));
  }

  @Test
  void aDeletedAccountGetsNoPlansFromLaterDesignations() {
    AnAccount account = anAccount().create().delete();
    SCORING.send(keyDesignated(account.id()));
    awaitScoringProcessed(account.id());
    assertThat(plansOf(account.id()).getList("items"), empty());
  }
}
