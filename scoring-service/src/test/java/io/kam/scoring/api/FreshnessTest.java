package io.kam.scoring.api;

import static io.kam.scoring.testdata.AccountEvent.anAccount;
import static io.kam.scoring.testdata.Api.as;
import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.manager;
import static io.kam.scoring.testdata.Api.viewer;
import static io.kam.scoring.testdata.Scenarios.scoring;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.kam.scoring.testdata.AccountEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every score says how old its inputs are; managers list the accounts with stale inputs. The test
 * clock is 2026-11-23: the last complete month is 2026-10, so revenue is stale from 2026-07 back
 * (three complete months without), a survey or assessment from 2025-11-23 back (12 months).
 */
@QuarkusTest
class FreshnessTest {

  private static final String STALE = "/api/v1/scores/stale";

  private final String owner = "kam-" + UUID.randomUUID();

  private AccountEvent scored(
      String name, String assessedAt, String lastRevenueMonth, String lastSurveyDate) {
    return scoredBy(
        anAccount().named(name).ownedBy(owner), assessedAt, lastRevenueMonth, lastSurveyDate);
  }

  private static AccountEvent scoredBy(
      AccountEvent account, String assessedAt, String lastRevenueMonth, String lastSurveyDate) {
    AccountEvent a = account.assessment(null, null, null, null).assessedAt(assessedAt).create();
    scoring(a, "60", 1).lastRevenueMonth(lastRevenueMonth).lastSurveyDate(lastSurveyDate).send();
    awaitScore(a.id(), "60.0");
    return a;
  }

  @Test
  void aScoreCarriesItsInputsAgesAndFlagsTheStaleOnes() {
    AccountEvent fresh = scored("Fresh", "2025-11-24", "2026-08", "2025-11-24");
    viewer()
        .get("/api/v1/accounts/{id}/score", fresh.id())
        .then()
        .statusCode(200)
        .body("freshness.lastRevenueMonth", equalTo("2026-08"))
        .body("freshness.lastSurveyDate", equalTo("2025-11-24"))
        .body("freshness.assessedAt", equalTo("2025-11-24"))
        .body("freshness.stale", empty())
        .body("freshness.thresholds.revenueStaleAfterMonths", equalTo(3))
        .body("freshness.thresholds.surveyStaleAfterMonths", equalTo(12))
        .body("freshness.thresholds.assessmentStaleAfterMonths", equalTo(12));

    AccountEvent old = scored("Old", "2025-11-23", "2026-07", "2025-11-23");
    viewer()
        .get("/api/v1/accounts/{id}/score", old.id())
        .then()
        .statusCode(200)
        .body("freshness.stale", contains("REVENUE", "SURVEY", "ASSESSMENT"));
  }

  @Test
  void aMissingInputIsStale() {
    AccountEvent a = scored("Never", null, null, null);
    viewer()
        .get("/api/v1/accounts/{id}/score", a.id())
        .then()
        .statusCode(200)
        .body("freshness.lastRevenueMonth", nullValue())
        .body("freshness.lastSurveyDate", nullValue())
        .body("freshness.assessedAt", nullValue())
        .body("freshness.stale", contains("REVENUE", "SURVEY", "ASSESSMENT"));
    viewer()
        .queryParam("ownerId", owner)
        .get("/api/v1/scores")
        .then()
        .statusCode(200)
        .body("items[0].stale", contains("REVENUE", "SURVEY", "ASSESSMENT"));
  }

  @Test
  void aManagerListsAnOwnersAccountsWithStaleInputsAndHowOldTheyAre() {
    scored("A fresh", "2026-06-01", "2026-10", "2026-06-01");
    AccountEvent revenue = scored("B no revenue since July", "2026-06-01", "2026-07", "2026-06-01");
    AccountEvent nothing = scored("C nothing known", null, null, null);

    manager()
        .queryParam("ownerId", owner)
        .get(STALE)
        .then()
        .statusCode(200)
        .body("items.accountId", contains(revenue.id().toString(), nothing.id().toString()))
        .body("items[0].name", equalTo("B no revenue since July"))
        .body("items[0].ownerId", equalTo(owner))
        .body("items[0].stale", hasSize(1))
        .body("items[0].stale[0].input", equalTo("REVENUE"))
        .body("items[0].stale[0].last", equalTo("2026-07"))
        .body("items[0].stale[0].ageMonths", equalTo(3))
        .body("items[1].stale.input", contains("REVENUE", "SURVEY", "ASSESSMENT"))
        .body("items[1].stale[0].last", nullValue())
        .body("items[1].stale[0].ageMonths", nullValue());
  }

  @Test
  void theStaleListFiltersByInputAndPages() {
    scored("A old survey", "2026-06-01", "2026-10", "2025-01-15");
    AccountEvent b = scored("B old assessment", "2025-06-01", "2026-10", "2026-06-01");
    AccountEvent c = scored("C old assessment", "2024-06-01", "2026-10", "2026-06-01");

    ValidatableResponse first =
        manager()
            .queryParam("ownerId", owner)
            .queryParam("input", "ASSESSMENT")
            .queryParam("limit", 1)
            .get(STALE)
            .then()
            .statusCode(200)
            .body("items.accountId", contains(b.id().toString()))
            .body("items[0].stale[0].ageMonths", equalTo(17))
            .body("nextCursor", notNullValue());
    manager()
        .queryParam("ownerId", owner)
        .queryParam("input", "ASSESSMENT")
        .queryParam("limit", 1)
        .queryParam("cursor", first.extract().path("nextCursor").toString())
        .get(STALE)
        .then()
        .statusCode(200)
        .body("items.accountId", contains(c.id().toString()))
        .body("nextCursor", nullValue());
  }

  @Test
  void aKamSeesOnlyTheStaleAccountsTheyOwnOrAreOnTheTeamOf() {
    AccountEvent own = scored("Own", null, "2026-10", "2026-06-01");
    AccountEvent team =
        scoredBy(
            anAccount()
                .named("Team")
                .ownedBy("kam-" + UUID.randomUUID())
                .team(owner + ":SUPPORT_LEAD"),
            null,
            "2026-10",
            "2026-06-01");
    String otherOwner = "kam-" + UUID.randomUUID();
    AccountEvent other = scoredBy(anAccount().named("Other").ownedBy(otherOwner), null, null, null);

    as(owner, "kam")
        .get(STALE)
        .then()
        .statusCode(200)
        .body("items.accountId", containsInAnyOrder(own.id().toString(), team.id().toString()));
    // asking for another owner's accounts does not widen a kam's view
    as(owner, "kam")
        .queryParam("ownerId", "kam-someone-else")
        .get(STALE)
        .then()
        .statusCode(200)
        .body("items", empty());
    manager()
        .queryParam("ownerId", otherOwner)
        .get(STALE)
        .then()
        .statusCode(200)
        .body("items.accountId", contains(other.id().toString()));
  }

  @Test
  void aViewerReadsTheWholeStaleListAndABadInputIsAProblem() {
    viewer().get(STALE).then().statusCode(200).body("items", notNullValue());
    manager()
        .queryParam("input", "WEATHER")
        .get(STALE)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
