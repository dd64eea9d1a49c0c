package io.kam.scoring.api;

import static io.kam.scoring.testdata.AccountEvent.anAccount;
import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.manager;
import static io.kam.scoring.testdata.Api.score;
import static io.kam.scoring.testdata.Api.viewer;
import static io.kam.scoring.testdata.Scenarios.scoring;
import static io.kam.scoring.testdata.SnapshotEvent.acmeSnapshot;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.chassis.time.KamClock;
import io.kam.scoring.testdata.AccountEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A score says why its tier is what it is, and which figures make its type. */
@QuarkusTest
class TierExplanationTest {

  @Inject KamClock clock;
  private Instant original;
  private final String owner = "kam-" + UUID.randomUUID();

  @BeforeEach
  void remember() {
    original = clock.now();
  }

  @AfterEach
  void restore() {
    clock.set(original);
  }

  private AccountEvent account() {
    return anAccount().ownedBy(owner).assessment(null, null, null, null).create();
  }

  private static ValidatableResponse listItem(String ownerId) {
    return viewer().queryParam("ownerId", ownerId).get("/api/v1/scores").then().statusCode(200);
  }

  @Test
  void aScoreAboveTheKeyThresholdIsKeyByComputation() {
    AccountEvent a = account();
    scoring(a, "75", 1).send();
    awaitScore(a.id(), "75.0")
        .body("tierExplanation.tier", equalTo("KEY"))
        .body("tierExplanation.computedTier", equalTo("KEY"))
        .body("tierExplanation.monthEndTier", nullValue())
        .body("tierExplanation.reason", equalTo("COMPUTED"))
        .body("tierExplanation.designatedUntil", nullValue())
        .body("tierExplanation.keyThreshold", equalTo(70))
        .body("tierExplanation.holdThreshold", equalTo(65))
        .body("tierExplanation.developingThreshold", equalTo(50));
  }

  @Test
  void keyAtTheLastMonthEndAndAbove65IsHeldByHysteresisInTheListToo() {
    clock.set(Instant.parse("2026-09-20T10:00:00Z"));
    AccountEvent a = account();
    scoring(a, "75", 1).send();
    awaitScore(a.id(), "75.0");

    clock.set(Instant.parse("2026-10-05T10:00:00Z"));
    scoring(a, "66", 2).send();
    awaitScore(a.id(), "66.0")
        .body("tier", equalTo("KEY"))
        .body("tierExplanation.reason", equalTo("HELD_BY_HYSTERESIS"))
        .body("tierExplanation.monthEndTier", equalTo("KEY"))
        .body("tierExplanation.computedTier", equalTo("KEY"));

    listItem(owner)
        .body("items[0].accountId", equalTo(a.id().toString()))
        .body("items[0].tierExplanation.reason", equalTo("HELD_BY_HYSTERESIS"))
        .body("items[0].tierExplanation.monthEndTier", equalTo("KEY"));
  }

  @Test
  void aDevelopingScoreWithADevelopingMonthEndIsComputed() {
    clock.set(Instant.parse("2026-09-20T10:00:00Z"));
    AccountEvent a = account();
    scoring(a, "60", 1).send();
    awaitScore(a.id(), "60.0");

    clock.set(Instant.parse("2026-10-05T10:00:00Z"));
    scoring(a, "68", 2).send();
    awaitScore(a.id(), "68.0")
        .body("tier", equalTo("DEVELOPING"))
        .body("tierExplanation.reason", equalTo("COMPUTED"))
        .body("tierExplanation.monthEndTier", equalTo("DEVELOPING"));
  }

  @Test
  void aKeyDesignationExplainsTheTierUntilItsEnd() {
    AccountEvent a = account();
    scoring(a, "60", 1).send();
    awaitScore(a.id(), "60.0");

    manager()
        .contentType("application/json")
        .body("{\"tier\":\"KEY\",\"reason\":\"strategic partner\",\"endsOn\":\"2027-01-01\"}")
        .put("/api/v1/accounts/{id}/designation", a.id())
        .then()
        .statusCode(200)
        .body("tierExplanation.tier", equalTo("KEY"))
        .body("tierExplanation.computedTier", equalTo("DEVELOPING"))
        .body("tierExplanation.reason", equalTo("DESIGNATED"))
        .body("tierExplanation.designatedUntil", equalTo("2027-01-01"));

    listItem(owner)
        .body("items[0].tierExplanation.reason", equalTo("DESIGNATED"))
        .body("items[0].tierExplanation.designatedUntil", equalTo("2027-01-01"));
  }

  @Test
  void anExclusionExplainsAStandardTierOfAKeyScore() {
    AccountEvent a = account();
    scoring(a, "80", 1).send();
    awaitScore(a.id(), "80.0");

    manager()
        .contentType("application/json")
        .body("{\"tier\":\"STANDARD\",\"reason\":\"in liquidation\"}")
        .put("/api/v1/accounts/{id}/designation", a.id())
        .then()
        .statusCode(200);

    score(a.id())
        .statusCode(200)
        .body("tierExplanation.tier", equalTo("STANDARD"))
        .body("tierExplanation.computedTier", equalTo("KEY"))
        .body("tierExplanation.reason", equalTo("EXCLUDED"))
        .body("tierExplanation.designatedUntil", nullValue());
  }

  @Test
  void theTypeShowsItsValueAndPotentialFigures() {
    // 152 000 revenue: value (log10 152000 - 4) / 3 = 0.3939...; potential = mean of growth
    // (0.21 + 0.2) / 0.7, wallet headroom 1 - 0.0608 and strategic alignment (4 - 1) / 4
    AccountEvent a = anAccount().ownedBy(owner).assessment(4, 5, 3, 3).create();
    acmeSnapshot(a.id()).send();
    ValidatableResponse r =
        awaitScore(a.id(), "63.3")
            .body("type", equalTo("HIGH_GROWTH"))
            .body("typeExplanation.type", equalTo("HIGH_GROWTH"))
            .body("typeExplanation.valueThreshold", comparesEqualTo(new BigDecimal("0.5")))
            .body("typeExplanation.potentialThreshold", comparesEqualTo(new BigDecimal("0.5")))
            .body(
                "typeExplanation.inputs.walletHeadroom", comparesEqualTo(new BigDecimal("0.9392")))
            .body(
                "typeExplanation.inputs.strategicAlignment",
                comparesEqualTo(new BigDecimal("0.75")))
            .body("typeExplanation.value", lessThan(new BigDecimal("0.5")));
    BigDecimal value = r.extract().path("typeExplanation.value");
    BigDecimal revenue = r.extract().path("typeExplanation.inputs.revenue");
    BigDecimal growth = r.extract().path("typeExplanation.inputs.growth");
    BigDecimal potential = r.extract().path("typeExplanation.potential");
    assertEquals(0, value.compareTo(revenue));
    assertTrue(value.compareTo(new BigDecimal("0.3939")) > 0, value::toPlainString);
    assertTrue(value.compareTo(new BigDecimal("0.3940")) < 0, value::toPlainString);
    assertTrue(growth.compareTo(new BigDecimal("0.585714")) > 0, growth::toPlainString);
    assertTrue(growth.compareTo(new BigDecimal("0.585715")) < 0, growth::toPlainString);
    // (0.5857142857... + 0.9392 + 0.75) / 3 = 0.7583047619...
    assertTrue(potential.compareTo(new BigDecimal("0.758304")) > 0, potential::toPlainString);
    assertTrue(potential.compareTo(new BigDecimal("0.758305")) < 0, potential::toPlainString);
  }
}
