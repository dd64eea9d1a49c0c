package io.kam.scoring.api;

import static io.kam.scoring.testdata.AccountEvent.anAccount;
import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.historySize;
import static io.kam.scoring.testdata.Api.score;
import static io.kam.scoring.testdata.Numbers.number;
import static io.kam.scoring.testdata.SnapshotEvent.aSnapshot;
import static io.kam.scoring.testdata.SnapshotEvent.acmeSnapshot;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.scoring.domain.ScoreEvents;
import io.kam.scoring.testdata.AccountEvent;
import io.kam.scoring.testdata.ScoreEventLog;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scores come from account and snapshot events only, through the real broker. */
@QuarkusTest
class ScoringFromEventsTest {

  @Test
  void scoresApiExampleAccountAsComputedByHand() {
    AccountEvent acme = anAccount().named("Acme Group").assessment(4, 5, 3, 3).create();
    acmeSnapshot(acme.id()).send();

    // the engine's hand-computed case (ScoreCalculatorTest): 63.34138826023344 -> 63.3
    awaitScore(acme.id(), "63.3")
        .statusCode(200)
        .header("ETag", org.hamcrest.Matchers.startsWith("\""))
        .body("accountId", equalTo(acme.id().toString()))
        .body("tier", equalTo("DEVELOPING"))
        .body("computedTier", equalTo("DEVELOPING"))
        .body("type", equalTo("HIGH_GROWTH"))
        .body("defectionRisk", equalTo("LOW"))
        .body("riskReasons", empty())
        .body("coverage", number("1"))
        .body("modelVersion", equalTo(1))
        .body("computedAt", equalTo("2026-11-23T10:00:00Z"))
        .body("designation", nullValue())
        .body(
            "breakdown.criterion",
            contains(
                "revenue",
                "growth",
                "walletHeadroom",
                "strategicAlignment",
                "marketInfluence",
                "fit",
                "satisfaction"))
        .body("breakdown[0].input", number("152000.00"))
        .body("breakdown[0].normalized", number("0.3939478626482577"))
        .body("breakdown[0].weight", number("0.30"))
        .body("breakdown[0].contribution", number("11.81843587944773"))
        .body("breakdown[2].input", number("0.9392"))
        .body("breakdown[4].contribution", number("10"))
        .body("breakdown[6].normalized", number("0.66666666665"));
  }

  @Test
  void leavesMissingInputsOutAndReportsCoverage() {
    AccountEvent a = anAccount().assessment(4, 5, 3, null).create();
    aSnapshot(a.id()).t12mRevenue("0").send();

    // 100 x (0 + 0.1125 + 0.10 + 0.025) / 0.60 = 39.58.. -> 39.6 (ScoreCalculatorTest)
    awaitScore(a.id(), "39.6")
        .body("coverage", number("0.6"))
        .body("tier", equalTo("STANDARD"))
        .body("breakdown[1].input", nullValue())
        .body("breakdown[1].contribution", nullValue())
        .body("breakdown[3].contribution", number("18.75"));
  }

  @Test
  void parksASnapshotThatArrivesBeforeItsAccountAndScoresOnceTheAccountIsKnown() {
    AccountEvent acme = anAccount().assessment(4, 5, 3, 3);
    acmeSnapshot(acme.id()).send();
    score(acme.id()).statusCode(404);

    acme.create();

    awaitScore(acme.id(), "63.3");
    assertEquals(1, historySize(acme.id()));
  }

  @Test
  void rescoresWhenTheAssessmentChanges() {
    AccountEvent a = anAccount().assessment(4, 5, 3, 3).create();
    acmeSnapshot(a.id()).send();
    awaitScore(a.id(), "63.3");

    // strategic 4 -> 5: +0.15 x 0.25 = +3.75 points -> 67.09138826023344 -> 67.1
    a.assessment(5, 5, 3, 3).update();

    awaitScore(a.id(), "67.1");
    assertEquals(2, historySize(a.id()));
  }

  @Test
  void anUnchangedResultWritesNoHistoryAndPublishesNothing() {
    AccountEvent a = anAccount().assessment(4, 5, 3, 3).create();
    acmeSnapshot(a.id()).sequence(1).send();
    awaitScore(a.id(), "63.3");
    // a new snapshot whose only change is an input no criterion reads, and a renamed account
    acmeSnapshot(a.id()).crossSellCount(3).sequence(2).send();
    a.named("Renamed Group").update();
    ScoreEventLog.until(a.id(), ScoreEventLog.has(ScoreEvents.CHANGED, 1));

    List<JsonNode> events = ScoreEventLog.settled(a.id(), Duration.ofSeconds(3));

    assertEquals(1, ScoreEventLog.ofType(events, ScoreEvents.CHANGED).size());
    assertEquals(1, historySize(a.id()));
  }

  @Test
  void ignoresAnOlderSnapshotThatArrivesLate() {
    AccountEvent a = anAccount().assessment(4, 5, 3, 3).create();
    acmeSnapshot(a.id()).t12mGrowth("0.5").sequence(2).send();
    // growth 0.5 -> normalized 1: +0.20 x (1 - 0.5857142857142857) = +8.29 -> 71.6
    awaitScore(a.id(), "71.6");

    acmeSnapshot(a.id()).sequence(1).send(); // the older values, delivered after the newer ones
    acmeSnapshot(a.id()).t12mGrowth("0.5").crossSellCount(2).sequence(3).send();

    awaitScore(a.id(), r -> r.extract().path("breakdown[0].input") != null);
    List<JsonNode> events = ScoreEventLog.settled(a.id(), Duration.ofSeconds(3));
    score(a.id()).body("score", number("71.6"));
    assertEquals(1, ScoreEventLog.ofType(events, ScoreEvents.CHANGED).size());
    assertEquals(1, historySize(a.id()));
  }

  @Test
  void appliesARedeliveredSnapshotOnlyOnce() {
    AccountEvent a = anAccount().assessment(4, 5, 3, 3).create();
    var first = acmeSnapshot(a.id()).sequence(1).send();
    awaitScore(a.id(), "63.3");
    // the same event again (same id), then a genuinely new one that moves the score
    acmeSnapshot(a.id()).eventId(first.eventId()).sequence(1).send();
    acmeSnapshot(a.id()).t12mGrowth("0.5").sequence(2).send();

    awaitScore(a.id(), "71.6");
    List<JsonNode> events = ScoreEventLog.settled(a.id(), Duration.ofSeconds(2));
    assertEquals(2, ScoreEventLog.ofType(events, ScoreEvents.CHANGED).size());
    assertEquals(2, historySize(a.id()));
  }

  @Test
  void aDeletedAccountHasNoScore() {
    AccountEvent a = anAccount().assessment(4, 5, 3, 3).create();
    acmeSnapshot(a.id()).send();
    awaitScore(a.id(), "63.3");

    a.delete();

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> score(a.id()).extract().statusCode() == 404);
  }

  @Test
  void answers404ForUnknownAccountsAnd400ForBadIds() {
    score(UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
    io.kam.scoring.testdata.Api.viewer()
        .get("/api/v1/accounts/not-a-uuid/score")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("id"));
  }

  @Test
  void rejectsCallsWithoutCredentials() {
    io.restassured.RestAssured.given()
        .get("/api/v1/accounts/{id}/score", UUID.randomUUID())
        .then()
        .statusCode(401);
  }
}
