package io.kam.scoring.api;

import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Scenarios.anUnassessedAccount;
import static io.kam.scoring.testdata.Scenarios.scoring;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.time.KamClock;
import io.kam.scoring.domain.ScoreEvents;
import io.kam.scoring.testdata.AccountEvent;
import io.kam.scoring.testdata.ScoreEventLog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** KEY from 70; an account KEY at the end of the previous month keeps KEY down to 65. */
@QuarkusTest
class HysteresisTest {

  @Inject KamClock clock;
  private Instant original;

  @BeforeEach
  void remember() {
    original = clock.now();
  }

  @AfterEach
  void restore() {
    clock.set(original);
  }

  @Test
  void keyAtTheEndOfLastMonthStaysKeyAt66AndIsRevokedBelow65() {
    clock.set(Instant.parse("2026-09-20T10:00:00Z"));
    AccountEvent a = anUnassessedAccount();
    scoring(a, "75", 1).send();
    awaitScore(a.id(), "75.0").body("computedTier", equalTo("KEY"));

    clock.set(Instant.parse("2026-10-05T10:00:00Z"));
    scoring(a, "66", 2).send();
    awaitScore(a.id(), "66.0").body("computedTier", equalTo("KEY")).body("tier", equalTo("KEY"));

    scoring(a, "64.9", 3).send();
    awaitScore(a.id(), "64.9").body("computedTier", equalTo("DEVELOPING"));

    List<JsonNode> events =
        ScoreEventLog.until(a.id(), ScoreEventLog.has(ScoreEvents.KEY_REVOKED, 1));
    JsonNode revoked = ScoreEventLog.ofType(events, ScoreEvents.KEY_REVOKED).get(0).path("data");
    assertEquals("SCORE", revoked.path("reason").asText());
    assertEquals("DEVELOPING", revoked.path("tier").asText());
    assertEquals(1, ScoreEventLog.ofType(events, ScoreEvents.KEY_DESIGNATED).size());
  }

  @Test
  void withoutAKeyMonthEnd699IsDevelopingAnd70IsKey() {
    clock.set(Instant.parse("2026-10-05T10:00:00Z"));
    AccountEvent a = anUnassessedAccount();
    scoring(a, "69.9", 1).send();
    awaitScore(a.id(), "69.9").body("computedTier", equalTo("DEVELOPING"));

    scoring(a, "70", 2).send();
    awaitScore(a.id(), "70.0").body("computedTier", equalTo("KEY"));

    List<JsonNode> events =
        ScoreEventLog.until(a.id(), ScoreEventLog.has(ScoreEvents.KEY_DESIGNATED, 1));
    assertEquals(
        "SCORE",
        ScoreEventLog.ofType(events, ScoreEvents.KEY_DESIGNATED)
            .get(0)
            .path("data")
            .path("reason")
            .asText());
  }

  @Test
  void onlyTheTierInForceAtTheMonthEndCountsNotTheOrderWithinTheMonth() {
    clock.set(Instant.parse("2026-10-05T10:00:00Z"));
    AccountEvent a = anUnassessedAccount();
    scoring(a, "75", 1).send();
    awaitScore(a.id(), "75.0").body("computedTier", equalTo("KEY"));

    // KEY earlier this month is no month end: 66 falls to DEVELOPING
    clock.set(Instant.parse("2026-10-10T10:00:00Z"));
    scoring(a, "66", 2).send();
    awaitScore(a.id(), "66.0").body("computedTier", equalTo("DEVELOPING"));

    clock.set(Instant.parse("2026-10-20T10:00:00Z"));
    scoring(a, "72", 3).send();
    awaitScore(a.id(), "72.0").body("computedTier", equalTo("KEY"));

    // KEY was in force at the end of October: in November 66 stays KEY
    clock.set(Instant.parse("2026-11-03T10:00:00Z"));
    scoring(a, "66", 4).send();
    awaitScore(a.id(), "66.0").body("computedTier", equalTo("KEY"));
  }

  @Test
  void aDevelopingMonthEndGivesNoGraceInTheNextMonth() {
    clock.set(Instant.parse("2026-09-25T10:00:00Z"));
    AccountEvent a = anUnassessedAccount();
    scoring(a, "60", 1).send();
    awaitScore(a.id(), "60.0").body("computedTier", equalTo("DEVELOPING"));

    clock.set(Instant.parse("2026-10-02T10:00:00Z"));
    scoring(a, "68", 2).send();
    awaitScore(a.id(), "68.0")
        .body("computedTier", equalTo("DEVELOPING"))
        .body("tier", equalTo("DEVELOPING"));
  }
}
