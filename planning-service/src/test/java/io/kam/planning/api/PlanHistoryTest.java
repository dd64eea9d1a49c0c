package io.kam.planning.api;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.addPart;
import static io.kam.planning.testdata.Api.as;
import static io.kam.planning.testdata.Api.asManager;
import static io.kam.planning.testdata.Api.transition;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.MissedObjectives;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlanHistoryTest {

  @Inject KamClock clock;
  @Inject MissedObjectives missed;

  private static JsonPath history(UUID plan, String query) {
    return as("viewer-vic", "viewer")
        .get("/api/v1/plans/" + plan + "/history" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** "PART OPERATION field from -> to (reason) by who", newest first. */
  private static List<String> lines(JsonPath page) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> e : page.<Map<String, Object>>getList("items")) {
      out.add(
          e.get("part")
              + " "
              + e.get("operation")
              + " "
              + e.get("field")
              + " "
              + e.get("from")
              + " -> "
              + e.get("to")
              + " ("
              + e.get("reason")
              + ") by "
              + e.get("changedBy"));
    }
    return out;
  }

  @Test
  void recordsWhoChangedWhatOfThePlanAndItsPartsNewestFirst() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    String objective =
        addPart(plan, "objectives", Map.of("title", "grow", "dueDate", "2026-12-31"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String path = "/api/v1/plans/" + plan + "/objectives/" + objective;
    asManager()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body(Map.of("dueDate", "2027-01-31", "title", "grow more"))
        .patch(path)
        .then()
        .statusCode(200);
    asManager().header("If-Match", "\"1\"").delete(path).then().statusCode(204);
    transition(plan, "submit-for-review").then().statusCode(200);
    asManager()
        .body(Map.of("summary", "fine", "decisions", List.of()))
        .post("/api/v1/plans/" + plan + "/reviews")
        .then()
        .statusCode(201);

    List<String> all = lines(history(plan, "?limit=100"));
    String by = "by user:mgr-maria";
    assertThat(
        all.subList(0, 6),
        contains(
            "PLAN UPDATED reviewReason MANUAL -> null (REVIEWED) " + by,
            "PLAN UPDATED status UNDER_REVIEW -> ACTIVE (REVIEWED) " + by,
            "REVIEW CREATED null null -> fine (null) " + by,
            "PLAN UPDATED reviewReason null -> MANUAL (MANUAL) " + by,
            "PLAN UPDATED status ACTIVE -> UNDER_REVIEW (MANUAL) " + by,
            "OBJECTIVE DELETED null grow more -> null (null) " + by));
    assertThat(all, hasItem("OBJECTIVE DELETED null grow more -> null (null) " + by));
    assertThat(all, hasItem("OBJECTIVE UPDATED title grow -> grow more (null) " + by));
    assertThat(all, hasItem("OBJECTIVE UPDATED dueDate 2026-12-31 -> 2027-01-31 (null) " + by));
    assertThat(all, hasItem("OBJECTIVE CREATED null null -> grow (null) " + by));
    assertThat(all, hasItem("PLAN UPDATED status DRAFT -> ACTIVE (MANUAL) " + by));
    assertThat(
        all, hasItem("PLAN UPDATED nextReviewAt null -> 2026-12-30T00:00:00Z (MANUAL) " + by));
    assertThat(
        all.get(all.size() - 1), is("PLAN CREATED null null -> Grow Acme in 2027 (null) " + by));
  }

  @Test
  void pagesNewestFirstWithACursor() {
    UUID plan = activePlan(anAccount().create().id());
    for (int i = 0; i < 3; i++) {
      addPart(plan, "risks", Map.of("description", "risk " + i, "likelihood", 2, "impact", 3))
          .then()
          .statusCode(201);
    }
    JsonPath first = history(plan, "?limit=2");
    assertThat(first.getList("items.to"), contains("risk 2", "risk 1"));
    String cursor = first.getString("nextCursor");
    assertThat(cursor, notNullValue());
    JsonPath second = history(plan, "?limit=2&cursor=" + cursor);
    assertThat(second.getList("items.to"), hasItem("risk 0"));
    assertThat(second.getList("items.changedAt"), hasSize(2));
  }

  @Test
  void theMissedSweepIsRecordedAsTheSystems() {
    UUID plan = activePlan(anAccount().create().id());
    addPart(plan, "objectives", Map.of("title", "sign", "dueDate", "2026-10-02"))
        .then()
        .statusCode(201);
    Instant original = clock.now();
    try {
      clock.set(Instant.parse("2026-10-03T00:00:00Z"));
      missed.sweep();
    } finally {
      clock.set(original);
    }
    assertThat(
        lines(history(plan, "?limit=1")),
        contains("OBJECTIVE UPDATED status OPEN -> MISSED (null) by system"));
  }

  @Test
  void anUnknownPlanHasNoHistory() {
    asManager()
        .get("/api/v1/plans/" + UUID.randomUUID() + "/history")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }
}
