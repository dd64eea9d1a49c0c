package io.kam.scoring.domain;

import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.manager;
import static io.kam.scoring.testdata.Scenarios.anUnassessedAccount;
import static io.kam.scoring.testdata.Scenarios.scoring;
import static io.kam.scoring.testdata.SnapshotEvent.aSnapshot;
import static io.restassured.module.jsv.JsonSchemaValidator.matchesJsonSchemaInClasspath;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.scoring.testdata.AccountEvent;
import io.kam.scoring.testdata.ScoreEventLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What scoring publishes on kam.score.events, read back from the broker. */
@QuarkusTest
class ScoreEventsTest {

  @Test
  void riskSignalsDriveRiskChangedEventsWithReasonsInOrder() {
    AccountEvent a = anUnassessedAccount();
    aSnapshot(a.id()).npsT12m("20").csatT12m("60").sequence(1).send();
    awaitScore(a.id(), "60.0").body("defectionRisk", equalTo("MEDIUM"));

    // every signal at once: reported in docs/kpis-and-scores.md's order
    aSnapshot(a.id())
        .npsT12m("-20")
        .csatT12m("60")
        .t12mGrowth("-0.10")
        .last3mGrowth("-0.25")
        .sequence(2)
        .send();
    awaitScore(a.id(), r -> "HIGH".equals(r.extract().path("defectionRisk")))
        .body(
            "riskReasons",
            org.hamcrest.Matchers.contains(
                "REVENUE_DECLINE_12M", "REVENUE_DROP_3M", "NEGATIVE_NPS", "LOW_CSAT"));

    // signals gone (a null input raises none)
    aSnapshot(a.id()).npsT12m("-20").sequence(3).send();
    aSnapshot(a.id()).npsT12m("20").csatT12m("90").sequence(4).send();

    List<JsonNode> risk =
        ScoreEventLog.ofType(
            ScoreEventLog.until(a.id(), ScoreEventLog.has(ScoreEvents.RISK_CHANGED, 4)),
            ScoreEvents.RISK_CHANGED);
    assertEquals(
        List.of("MEDIUM", "HIGH", "MEDIUM", "LOW"),
        risk.stream().map(e -> e.path("data").path("defectionRisk").asText()).toList());
    assertEquals(
        List.of("null", "MEDIUM", "HIGH", "MEDIUM"),
        risk.stream()
            .map(e -> e.path("data").path("previousDefectionRisk").asText("null"))
            .toList());
    assertEquals("[\"NEGATIVE_NPS\"]", risk.get(2).path("data").path("riskReasons").toString());
  }

  @Test
  void aChangeOfScoreWithinTheSameRiskLevelPublishesNoRiskChange() {
    AccountEvent a = anUnassessedAccount();
    scoring(a, "55", 1).send();
    scoring(a, "57", 2).send();
    awaitScore(a.id(), "57.0");

    List<JsonNode> events = ScoreEventLog.until(a.id(), ScoreEventLog.has(ScoreEvents.CHANGED, 2));
    assertEquals(0, ScoreEventLog.ofType(events, ScoreEvents.RISK_CHANGED).size());
    JsonNode second = ScoreEventLog.ofType(events, ScoreEvents.CHANGED).get(1);
    assertEquals("DEVELOPING", second.path("data").path("previousTier").asText());
    assertEquals("LOW", second.path("data").path("previousDefectionRisk").asText());
  }

  @Test
  void everyPublishedEventMatchesItsSchemaAndTheEnvelope() {
    AccountEvent a = anUnassessedAccount();
    scoring(a, "75", 1).csatT12m("50").send(); // changed, key-designated, risk-changed
    awaitScore(a.id(), "75.0");
    manager()
        .contentType("application/json")
        .body("{\"tier\":\"STANDARD\",\"reason\":\"exit\"}")
        .put("/api/v1/accounts/{id}/designation", a.id())
        .then()
        .statusCode(200); // key-revoked

    List<JsonNode> events =
        ScoreEventLog.until(a.id(), ScoreEventLog.has(ScoreEvents.KEY_REVOKED, 1));

    for (String type :
        List.of(
            ScoreEvents.CHANGED,
            ScoreEvents.KEY_DESIGNATED,
            ScoreEvents.KEY_REVOKED,
            ScoreEvents.RISK_CHANGED)) {
      List<JsonNode> ofType = ScoreEventLog.ofType(events, type);
      assertEquals(false, ofType.isEmpty(), "published " + type);
      for (JsonNode e : ofType) {
        assertThat(
            e.path("data").toString(),
            matchesJsonSchemaInClasspath("events/" + type + ".schema.json"));
        assertEquals("/scoring-service", e.path("source").asText());
        assertEquals(a.id().toString(), e.path("subject").asText());
        assertEquals("1.0", e.path("specversion").asText());
      }
    }
    // several events of one change carry consecutive sequence numbers, in the order published
    List<Long> sequences = events.stream().map(e -> e.path("sequence").asLong()).toList();
    for (int i = 1; i < sequences.size(); i++) {
      assertEquals(sequences.get(i - 1) + 1, sequences.get(i));
    }
  }
}
