package io.kam.planning.events;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.asManager;
import static io.kam.planning.testdata.Api.draftPlan;
import static io.kam.planning.testdata.Api.status;
import static io.kam.planning.testdata.Signals.SCORING;
import static io.kam.planning.testdata.Signals.keyDesignated;
import static io.kam.planning.testdata.Signals.keyRevoked;
import static io.kam.planning.testdata.Signals.publishScore;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.planning.testdata.AnAccount;
import io.kam.planning.testdata.Producer;
import io.kam.planning.testdata.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class KeyDesignationReactionsTest {

  static JsonPath plansOf(UUID account) {
    return asManager()
        .queryParam("accountId", account.toString())
        .get("/api/v1/plans")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static List<Object> awaitPlans(UUID account, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> plansOf(account).getList("items").size() >= count);
    return plansOf(account).getList("items");
  }

  /**
   * Everything scoring sent for the account before this has been applied once its score is stored.
   */
  static void awaitScoringProcessed(UUID account) {
    publishScore(account, "55.5");
  }

  @Test
  void keyDesignationCreatesADraftOwnedByTheAccountOwner() {
    AnAccount account = anAccount().named("Globex").ownedBy("kam-gina").create();
    SCORING.send(keyDesignated(account.id()));
    awaitPlans(account.id(), 1);
    JsonPath plans = plansOf(account.id());
    assertThat(plans.getString("items[0].status"), is("DRAFT"));
    assertThat(plans.getString("items[0].title"), is("Account plan Globex"));
    assertThat(plans.getString("items[0].ownerId"), is("kam-gina"));
    List<JsonNode> created = PublishedEvents.of(account.id(), "kam.plan.created.v1", 1);
    assertThat(created.get(0).path("data").path("reason").asText(), is("KEY_DESIGNATED"));
  }

  @Test
  void aRedeliveredDesignationCreatesOnePlan() {
    UUID account = anAccount().create().id();
    Producer.Sent designated = SCORING.send(keyDesignated(account));
    SCORING.send(designated);
    SCORING.send(designated);
    awaitScoringProcessed(account);
    assertThat(plansOf(account).getList("items"), hasSize(1));
    assertThat(PublishedEvents.settled(account, "kam.plan.created.v1", 1), hasSize(1));
  }

  @Test
  void aDesignationChangesNothingWhenTheAccountHasADraftOrLivePlan() {
    UUID withDraft = anAccount().create().id();
    draftPlan(withDraft);
    UUID withLive = anAccount().create().id();
    activePlan(withLive);
    SCORING.send(keyDesignated(withDraft));
    SCORING.send(keyDesignated(withLive));
    awaitScoringProcessed(withDraft);
    awaitScoringProcessed(withLive);
    assertThat(plansOf(withDraft).getList("items"), hasSize(1));
    assertThat(plansOf(withLive).getList("items.status"), contains("ACTIVE"));
  }

  @Test
  void aDesignationArrivingBeforeTheAccountIsParkedAndAppliedWhenTheAccountArrives() {
    AnAccount account = anAccount().named("Initech").ownedBy("kam-ian");
    SCORING.send(keyDesignated(account.id()));
    // not known yet: nothing happens, and nothing is dead-lettered
    assertThat(
        PublishedEvents.of(account.id(), "kam.plan.created.v1", 1, Duration.ofSeconds(3)),
        hasSize(0));
    account.create();
    awaitPlans(account.id(), 1);
    assertThat(plansOf(account.id()).getString("items[0].ownerId"), is("kam-ian"));
    assertThat(plansOf(account.id()).getString("items[0].title"), is("Account plan Initech"));
  }

  @Test
  void anUpdateSeenBeforeItsCreateIsEnoughAndTheLateCreateIsSkipped() {
    AnAccount account = anAccount().named("Old name").ownedBy("kam-old");
    Producer.Sent created = account.createdEvent();
    AnAccount renamed = account.named("New name").ownedBy("kam-new");
    Producer.Sent updated =
        Producer.accountService().next("kam.account.updated.v1", account.id(), Map.of());
    // the update carries the full account as after the change, with a higher sequence than the
    // create
    Producer.Sent updatedFull =
        new Producer.Sent(
            updated.id(),
            updated.type(),
            account.id(),
            created.sequence() + 1,
            renamed.createdEvent().data());
    renamed.publish(updatedFull);
    renamed.publish(created);
    renamed.awaitKnown(false);
    SCORING.send(keyDesignated(account.id()));
    awaitPlans(account.id(), 1);
    awaitScoringProcessed(account.id());
    assertThat(plansOf(account.id()).getString("items[0].title"), is("Account plan New name"));
    assertThat(plansOf(account.id()).getString("items[0].ownerId"), is("kam-new"));
  }

  @Test
  void revocationArchivesTheDraftButNotTheLivePlan() {
    UUID account = anAccount().create().id();
    UUID live = activePlan(account);
    UUID draft = draftPlan(account);
    Producer.Sent revoked = SCORING.send(keyRevoked(account));
    await().atMost(Duration.ofSeconds(30)).until(() -> status(draft).equals("ARCHIVED"));
    SCORING.send(revoked);
    awaitScoringProcessed(account);
    assertThat(status(live), is("ACTIVE"));
    List<JsonNode> changes = PublishedEvents.settled(account, "kam.plan.status-changed.v1", 2);
    assertThat(
        changes.stream()
            .map(
                e ->
                    e.path("data").path("status").asText()
                        + ":"
                        + e.path("data").path("reason").asText())
            .toList(),
        contains("ACTIVE:MANUAL", "ARCHIVED:KEY_REVOKED"));
  }
}
