package io.kam.scoring.api;

import static io.kam.scoring.testdata.AccountEvent.anAccount;
import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.viewer;
import static io.kam.scoring.testdata.Scenarios.scoring;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.kam.chassis.time.KamClock;
import io.kam.scoring.testdata.AccountEvent;
import io.kam.scoring.testdata.SnapshotEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /portfolio/summary: counts by tier, type and risk, and what moved since the previous month
 * end. The data: five accounts of one owner scored in September, rescored in October (clock
 * 2026-10-05, so the previous month end is 2026-10-01T00:00Z).
 */
@QuarkusTest
class PortfolioSummaryTest {

  private static final String SUMMARY = "/api/v1/portfolio/summary";

  @Inject KamClock clock;
  private Instant original;
  private final String owner = "kam-" + UUID.randomUUID();
  private AccountEvent leftKey;
  private AccountEvent enteredKey;
  private AccountEvent stayedKey;
  private AccountEvent riskRaised;
  private AccountEvent newKey;

  @BeforeEach
  void septemberThenOctober() {
    original = clock.now();
    clock.set(Instant.parse("2026-09-20T10:00:00Z"));
    leftKey = account("A left KEY", "PHARMA");
    enteredKey = account("B entered KEY", "PHARMA");
    stayedKey = account("C stayed KEY", "RETAIL");
    riskRaised = account("D risk raised", "RETAIL");
    score(leftKey, "75", 1, null);
    score(enteredKey, "60", 1, null);
    score(stayedKey, "80", 1, null);
    score(riskRaised, "60", 1, null);

    clock.set(Instant.parse("2026-10-05T10:00:00Z"));
    score(leftKey, "60", 2, null); // below 65: leaves KEY despite the month-end KEY
    score(enteredKey, "72", 2, null);
    score(stayedKey, "81", 2, null);
    score(riskRaised, "60", 2, "50"); // LOW_CSAT: LOW -> MEDIUM
    newKey = account("E new and KEY", "PHARMA");
    score(newKey, "75", 1, null); // not scored at the month end: it entered KEY
  }

  @AfterEach
  void restore() {
    clock.set(original);
  }

  private AccountEvent account(String name, String industry) {
    return anAccount()
        .named(name)
        .ownedBy(owner)
        .segment(industry, "DE", "EMEA")
        .assessment(null, null, null, null)
        .create();
  }

  private static void score(AccountEvent a, String score, long sequence, String csat) {
    SnapshotEvent s = scoring(a, score, sequence);
    if (csat != null) {
      s.csatT12m(csat);
    }
    s.send();
    awaitScore(
        a.id(),
        r ->
            new BigDecimal(String.valueOf((Object) r.extract().path("score")))
                        .compareTo(new BigDecimal(score))
                    == 0
                && (csat == null || "MEDIUM".equals(r.extract().path("defectionRisk"))));
  }

  private ValidatableResponse summary(String... params) {
    var req = viewer().queryParam("ownerId", owner);
    for (int i = 0; i < params.length; i += 2) {
      req = req.queryParam(params[i], params[i + 1]);
    }
    return req.get(SUMMARY).then().statusCode(200);
  }

  @Test
  void countsTheSegmentByTierTypeAndRisk() {
    summary()
        .body("since", equalTo("2026-10-01T00:00:00Z"))
        .body("accounts", equalTo(5))
        .body("byTier.key", equalTo(3))
        .body("byTier.developing", equalTo(2))
        .body("byTier.standard", equalTo(0))
        // unassessed accounts scored by NPS alone: revenue as high as the score, no potential
        .body("byType.stable", equalTo(5))
        .body("byType.strategic", equalTo(0))
        .body("byRisk.low", equalTo(4))
        .body("byRisk.medium", equalTo(1))
        .body("byRisk.high", equalTo(0));
  }

  @Test
  void reportsWhatMovedSinceThePreviousMonthEnd() {
    summary()
        .body("movements.enteredKey.kind", equalTo("ENTERED_KEY"))
        .body("movements.enteredKey.count", equalTo(2))
        .body(
            "movements.enteredKey.accounts.accountId",
            contains(enteredKey.id().toString(), newKey.id().toString()))
        .body("movements.enteredKey.accounts[0].previousTier", equalTo("DEVELOPING"))
        .body("movements.enteredKey.accounts[1].previousTier", nullValue())
        .body("movements.enteredKey.nextCursor", nullValue())
        .body("movements.leftKey.count", equalTo(1))
        .body("movements.leftKey.accounts[0].accountId", equalTo(leftKey.id().toString()))
        .body("movements.leftKey.accounts[0].tier", equalTo("DEVELOPING"))
        .body("movements.leftKey.accounts[0].previousTier", equalTo("KEY"))
        .body("movements.riskRaised.count", equalTo(1))
        .body("movements.riskRaised.accounts[0].accountId", equalTo(riskRaised.id().toString()))
        .body("movements.riskRaised.accounts[0].defectionRisk", equalTo("MEDIUM"))
        .body("movements.riskRaised.accounts[0].previousDefectionRisk", equalTo("LOW"))
        .body(
            "movements.riskRaised.href",
            equalTo(SUMMARY + "/movements?kind=RISK_RAISED&ownerId=" + owner));
  }

  @Test
  void aSegmentFilterNarrowsCountsAndMovements() {
    summary("industry", "PHARMA")
        .body("accounts", equalTo(3))
        .body("movements.enteredKey.count", equalTo(2))
        .body("movements.leftKey.count", equalTo(1))
        .body("movements.riskRaised.count", equalTo(0));
    summary("industry", "PHARMA", "country", "FR").body("accounts", equalTo(0));
  }

  @Test
  void theDrillDownPagesThroughTheAccountsOfAMovement() {
    ValidatableResponse first =
        viewer()
            .queryParam("kind", "ENTERED_KEY")
            .queryParam("ownerId", owner)
            .queryParam("limit", 1)
            .get(SUMMARY + "/movements")
            .then()
            .statusCode(200)
            .body("items.accountId", contains(enteredKey.id().toString()))
            .body("nextCursor", notNullValue());
    viewer()
        .queryParam("kind", "ENTERED_KEY")
        .queryParam("ownerId", owner)
        .queryParam("limit", 1)
        .queryParam("cursor", first.extract().path("nextCursor").toString())
        .get(SUMMARY + "/movements")
        .then()
        .statusCode(200)
        .body("items.accountId", contains(newKey.id().toString()))
        .body("nextCursor", nullValue());
    viewer()
        .queryParam("ownerId", owner)
        .get(SUMMARY + "/movements")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
