package io.kam.scoring.api;

import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.historySize;
import static io.kam.scoring.testdata.Api.manager;
import static io.kam.scoring.testdata.Scenarios.anUnassessedAccount;
import static io.kam.scoring.testdata.Scenarios.scoring;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.chassis.time.KamClock;
import io.kam.scoring.testdata.AccountEvent;
import io.kam.scoring.testdata.ModelJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What-if over the current portfolio. Other tests' accounts share the database, so the checks are
 * about this test's accounts: which list each one is in.
 */
@QuarkusTest
class SimulationTest {

  @Inject KamClock clock;
  private Instant original;
  private AccountEvent developing66;
  private AccountEvent key75;
  private AccountEvent keyByMonthEnd66;

  @BeforeEach
  void portfolio() {
    original = clock.now();
    clock.set(Instant.parse("2026-10-20T10:00:00Z"));
    keyByMonthEnd66 = anUnassessedAccount();
    scoring(keyByMonthEnd66, "75", 1).send();
    awaitScore(keyByMonthEnd66.id(), "75.0");
    clock.set(original);
    scoring(keyByMonthEnd66, "66", 2).send();
    awaitScore(keyByMonthEnd66.id(), "66.0").body("computedTier", equalTo("KEY"));
    developing66 = anUnassessedAccount();
    scoring(developing66, "66", 1).send();
    awaitScore(developing66.id(), "66.0").body("computedTier", equalTo("DEVELOPING"));
    key75 = anUnassessedAccount();
    scoring(key75, "75", 1).send();
    awaitScore(key75.id(), "75.0").body("computedTier", equalTo("KEY"));
  }

  @AfterEach
  void restore() {
    clock.set(original);
  }

  private static JsonPath simulate(String model) {
    String id =
        manager()
            .contentType("application/json")
            .body(model)
            .post("/api/v1/scoring-models")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return manager()
        .post("/api/v1/scoring-models/{id}/simulate", id)
        .then()
        .statusCode(200)
        .body("modelId", equalTo(id))
        .extract()
        .jsonPath();
  }

  private static List<String> ids(JsonPath result, String list) {
    return result.getList(list + ".accountId", String.class);
  }

  @Test
  void lowerThresholdsBringAccountsIntoKey() {
    JsonPath r = simulate(ModelJson.defaultWithThresholds(60, 55, 40));

    assertTrue(ids(r, "entering").contains(developing66.id().toString()));
    assertFalse(ids(r, "leaving").contains(key75.id().toString()));
    assertEquals(r.getInt("enteringKey"), ids(r, "entering").size());
    assertTrue(r.getInt("accountsScored") >= 3);
    int i = ids(r, "entering").indexOf(developing66.id().toString());
    assertEquals(developing66.name(), r.getString("entering[" + i + "].name"));
    assertEquals(
        0,
        new java.math.BigDecimal("66.0")
            .compareTo(
                new java.math.BigDecimal(r.getString("entering[" + i + "].simulatedScore"))));
  }

  @Test
  void higherThresholdsTakeAccountsOutOfKeyButTheMonthEndTierStillHolds() {
    // key 80, keyExit 60: 75 without a KEY month end leaves; 66 with one stays (>= 60)
    JsonPath r = simulate(ModelJson.defaultWithThresholds(80, 60, 50));
    assertTrue(ids(r, "leaving").contains(key75.id().toString()));
    assertFalse(ids(r, "leaving").contains(keyByMonthEnd66.id().toString()));
    assertFalse(ids(r, "entering").contains(developing66.id().toString()));

    // keyExit 70: 66 falls out even with the KEY month end
    JsonPath stricter = simulate(ModelJson.defaultWithThresholds(80, 70, 50));
    assertTrue(ids(stricter, "leaving").contains(keyByMonthEnd66.id().toString()));
  }

  @Test
  void simulatingChangesNothing() {
    simulate(ModelJson.defaultWithThresholds(60, 55, 40));

    awaitScore(developing66.id(), "66.0")
        .body("computedTier", equalTo("DEVELOPING"))
        .body("modelVersion", equalTo(1));
    assertEquals(1, historySize(developing66.id()));
  }
}
