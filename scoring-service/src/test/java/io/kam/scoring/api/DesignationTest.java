package io.kam.scoring.api;

import static io.kam.scoring.testdata.Api.as;
import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.manager;
import static io.kam.scoring.testdata.Api.score;
import static io.kam.scoring.testdata.Api.viewer;
import static io.kam.scoring.testdata.Scenarios.anUnassessedAccount;
import static io.kam.scoring.testdata.Scenarios.scoring;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.time.KamClock;
import io.kam.scoring.domain.ScoreEvents;
import io.kam.scoring.testdata.AccountEvent;
import io.kam.scoring.testdata.ScoreEventLog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Managers designate accounts KEY or exclude them; designations end by themselves. */
@QuarkusTest
class DesignationTest {

  private static final String PATH = "/api/v1/accounts/{id}/designation";

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

  private static AccountEvent scoredAt(String score) {
    AccountEvent a = anUnassessedAccount();
    scoring(a, score, 1).csatT12m("50").send(); // LOW_CSAT: risk MEDIUM, which designations keep
    awaitScore(a.id(), score);
    return a;
  }

  @Test
  void aManagerDesignatesAnAccountKeyWithoutChangingItsComputedTierTypeOrRisk() {
    AccountEvent a = scoredAt("60.0");

    manager()
        .contentType("application/json")
        .body("{\"tier\":\"KEY\",\"reason\":\"strategic partner for 2027\"}")
        .put(PATH, a.id())
        .then()
        .statusCode(200)
        .body("tier", equalTo("KEY"))
        .body("computedTier", equalTo("DEVELOPING"))
        .body("defectionRisk", equalTo("MEDIUM"))
        // value from the known revenue (kpi always publishes one), potential unknown
        .body("type", equalTo("STABLE"))
        .body("designation.tier", equalTo("KEY"))
        .body("designation.reason", equalTo("strategic partner for 2027"))
        .body("designation.by", equalTo("user:mia-manager"))
        .body("designation.endsOn", nullValue());

    List<JsonNode> events =
        ScoreEventLog.until(a.id(), ScoreEventLog.has(ScoreEvents.KEY_DESIGNATED, 1));
    JsonNode designated =
        ScoreEventLog.ofType(events, ScoreEvents.KEY_DESIGNATED).get(0).path("data");
    assertEquals("MANUAL", designated.path("reason").asText());
    viewer()
        .get("/api/v1/accounts/{id}/score/history", a.id())
        .then()
        .body("items[0].cause", equalTo("DESIGNATION"))
        .body("items[0].designation.tier", equalTo("KEY"));
  }

  @Test
  void excludingAKeyAccountRevokesKeyManually() {
    AccountEvent a = scoredAt("80.0");

    as("root", "admin")
        .contentType("application/json")
        .body("{\"tier\":\"STANDARD\",\"reason\":\"in liquidation\"}")
        .put(PATH, a.id())
        .then()
        .statusCode(200)
        .body("tier", equalTo("STANDARD"))
        .body("computedTier", equalTo("KEY"));

    List<JsonNode> events =
        ScoreEventLog.until(a.id(), ScoreEventLog.has(ScoreEvents.KEY_REVOKED, 1));
    assertEquals(
        "MANUAL",
        ScoreEventLog.ofType(events, ScoreEvents.KEY_REVOKED)
            .get(0)
            .path("data")
            .path("reason")
            .asText());
  }

  @Test
  void aDesignationEndsByItselfOnItsEndDate() {
    clock.set(Instant.parse("2026-11-23T10:00:00Z"));
    AccountEvent a = scoredAt("60.0");
    manager()
        .contentType("application/json")
        .body("{\"tier\":\"KEY\",\"reason\":\"trial\",\"endsOn\":\"2026-11-25\"}")
        .put(PATH, a.id())
        .then()
        .statusCode(200)
        .body("tier", equalTo("KEY"))
        .body("designation.endsOn", equalTo("2026-11-25"));

    clock.set(Instant.parse("2026-11-25T00:00:01Z"));

    // read time: the ended designation no longer counts, even before the scheduled check
    score(a.id()).body("tier", equalTo("DEVELOPING")).body("designation", nullValue());
    // the scheduled check closes it: history and a manual revocation
    List<JsonNode> events =
        ScoreEventLog.until(a.id(), ScoreEventLog.has(ScoreEvents.KEY_REVOKED, 1));
    assertEquals(
        "MANUAL",
        ScoreEventLog.ofType(events, ScoreEvents.KEY_REVOKED)
            .get(0)
            .path("data")
            .path("reason")
            .asText());
    viewer()
        .get("/api/v1/accounts/{id}/score/history", a.id())
        .then()
        .body("items.cause", hasItem("DESIGNATION_ENDED"));
  }

  @Test
  void removingADesignationRestoresTheComputedTier() {
    AccountEvent a = scoredAt("60.0");
    manager()
        .contentType("application/json")
        .body("{\"tier\":\"KEY\",\"reason\":\"board decision\"}")
        .put(PATH, a.id())
        .then()
        .statusCode(200);

    manager().delete(PATH, a.id()).then().statusCode(204);

    score(a.id()).body("tier", equalTo("DEVELOPING")).body("designation", nullValue());
    manager().delete(PATH, a.id()).then().statusCode(404);
    List<JsonNode> events =
        ScoreEventLog.until(a.id(), ScoreEventLog.has(ScoreEvents.KEY_REVOKED, 1));
    assertEquals(1, ScoreEventLog.ofType(events, ScoreEvents.KEY_DESIGNATED).size());
  }

  @Test
  void onlyManagersAndAdminsDesignate() {
    AccountEvent a = scoredAt("60.0");
    String body = "{\"tier\":\"KEY\",\"reason\":\"mine\"}";

    as("kam-anna", "kam")
        .contentType("application/json")
        .body(body)
        .put(PATH, a.id())
        .then()
        .statusCode(403);
    viewer().contentType("application/json").body(body).put(PATH, a.id()).then().statusCode(403);
    as("kam-anna", "kam").delete(PATH, a.id()).then().statusCode(403);
    score(a.id()).body("tier", equalTo("DEVELOPING"));
  }

  @Test
  void rejectsInvalidDesignationsNamingTheField() {
    AccountEvent a = scoredAt("60.0");

    manager()
        .contentType("application/json")
        .body("{\"tier\":\"KEY\"}")
        .put(PATH, a.id())
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("reason"));
    manager()
        .contentType("application/json")
        .body("{\"tier\":\"DEVELOPING\",\"reason\":\"x\"}")
        .put(PATH, a.id())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("tier"));
    manager()
        .contentType("application/json")
        .body("{\"tier\":\"KEY\",\"reason\":\"x\",\"endsOn\":\"2020-01-01\"}")
        .put(PATH, a.id())
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("endsOn"));
    manager()
        .contentType("application/json")
        .body("{\"tier\":\"KEY\",\"reason\":\"x\"}")
        .put(PATH, UUID.randomUUID())
        .then()
        .statusCode(404);
    List<JsonNode> events = ScoreEventLog.settled(a.id(), Duration.ofSeconds(1));
    assertEquals(0, ScoreEventLog.ofType(events, ScoreEvents.KEY_DESIGNATED).size());
  }
}
