package io.kam.planning.events;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.addPart;
import static io.kam.planning.testdata.Api.asManager;
import static io.kam.planning.testdata.Signals.publishSnapshot;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.MissedObjectives;
import io.kam.planning.domain.OverdueActions;
import io.kam.planning.testdata.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MissedObjectivesTest {

  private static final String MISSED = "kam.plan.objective-missed.v1";
  private static final String ACHIEVED = "kam.plan.objective-achieved.v1";
  private static final String OVERDUE = "kam.plan.action-overdue.v1";

  @Inject KamClock clock;
  @Inject MissedObjectives missed;
  @Inject OverdueActions overdue;
  private Instant original;

  @BeforeEach
  void rememberTheClock() {
    original = clock.now();
  }

  @AfterEach
  void restoreTheClock() {
    clock.set(original);
  }

  private static String npsObjective(UUID plan, String due) {
    return addPart(
            plan,
            "objectives",
            Map.of(
                "title",
                "promoters",
                "dueDate",
                due,
                "kpi",
                Map.of("metric", "NPS", "baseline", 0, "target", 10)))
        .then()
        .statusCode(201)
        .body("status", equalTo("OPEN"))
        .extract()
        .path("id");
  }

  private static ValidatableResponse objective(UUID plan, String id) {
    return asManager().get("/api/v1/plans/" + plan + "/objectives/" + id).then().statusCode(200);
  }

  private static ValidatableResponse patch(UUID plan, String kind, String id, Map<String, ?> b) {
    String path = "/api/v1/plans/" + plan + "/" + kind + "/" + id;
    String etag = asManager().get(path).then().statusCode(200).extract().header("ETag");
    return asManager()
        .contentType("application/merge-patch+json")
        .header("If-Match", etag)
        .body(b)
        .patch(path)
        .then();
  }

  @Test
  void anObjectivePastItsDueDateWithoutReachingTheTargetIsMissedOnceWithAnEvent() {
    UUID account = anAccount().create().id();
    publishSnapshot(account, Map.of("npsT12m", new BigDecimal("2")));
    UUID plan = activePlan(account);
    String id = npsObjective(plan, "2026-10-05");

    clock.set(Instant.parse("2026-10-05T23:59:59Z"));
    missed.sweep();
    objective(plan, id).body("status", is("OPEN")).body("missedAt", nullValue());

    clock.set(Instant.parse("2026-10-06T00:00:00Z"));
    missed.sweep();
    missed.sweep();
    objective(plan, id).body("status", is("MISSED")).body("missedAt", notNullValue());
    List<JsonNode> events = PublishedEvents.settled(account, MISSED, 1);
    assertThat(events, hasSize(1));
    JsonNode data = events.get(0).path("data");
    assertThat(data.path("objectiveId").asText(), is(id));
    assertThat(data.path("planId").asText(), is(plan.toString()));
    assertThat(data.path("metric").asText(), is("NPS"));
    assertThat(data.path("progress").decimalValue().compareTo(new BigDecimal("20")), is(0));
    assertThat(data.path("dueDate").asText(), is("2026-10-05"));
  }

  @Test
  void aMissedObjectiveThatReachesItsTargetLaterIsAchievedLate() {
    UUID account = anAccount().create().id();
    publishSnapshot(account, Map.of("npsT12m", new BigDecimal("2")));
    UUID plan = activePlan(account);
    String id = npsObjective(plan, "2026-10-05");
    clock.set(Instant.parse("2026-10-07T00:00:00Z"));
    missed.sweep();
    objective(plan, id).body("status", is("MISSED"));

    publishSnapshot(account, Map.of("npsT12m", new BigDecimal("11")));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "ACHIEVED".equals(objective(plan, id).extract().path("status")));
    objective(plan, id).body("achievedAt", notNullValue()).body("missedAt", notNullValue());
    assertThat(PublishedEvents.settled(account, ACHIEVED, 1), hasSize(1));
    assertThat(PublishedEvents.settled(account, MISSED, 1), hasSize(1));
  }

  @Test
  void aNewDueDateReopensAMissedObjectiveAndMissingItAgainIsAnnouncedAgain() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    String id = npsObjective(plan, "2026-10-05");
    clock.set(Instant.parse("2026-10-06T00:00:00Z"));
    missed.sweep();
    objective(plan, id).body("status", is("MISSED"));

    patch(plan, "objectives", id, Map.of("dueDate", "2026-10-20"))
        .statusCode(200)
        .body("status", is("OPEN"));
    missed.sweep();
    objective(plan, id).body("status", is("OPEN"));

    clock.set(Instant.parse("2026-10-21T00:00:00Z"));
    missed.sweep();
    objective(plan, id).body("status", is("MISSED"));
    List<JsonNode> events = PublishedEvents.settled(account, MISSED, 2);
    assertThat(
        events.stream().map(e -> e.path("data").path("dueDate").asText()).toList(),
        contains("2026-10-05", "2026-10-20"));
  }

  @Test
  void anObjectiveGivenADueDateAlreadyPastIsMissedAtOnce() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    String id = npsObjective(plan, "2026-12-31");

    patch(plan, "objectives", id, Map.of("dueDate", "2026-09-30"))
        .statusCode(200)
        .body("status", is("MISSED"));
    assertThat(PublishedEvents.of(account, MISSED, 1), hasSize(1));
  }

  @Test
  void twoSweepsRunningAtOnceMissEachObjectiveOnce() throws Exception {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(npsObjective(plan, "2026-10-03"));
    }
    clock.set(Instant.parse("2026-10-04T08:00:00Z"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return missed.sweep();
                }));
      }
      start.countDown();
      for (Future<Integer> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<JsonNode> events = PublishedEvents.settled(account, MISSED, 5);
    assertThat(
        events.stream().map(e -> e.path("data").path("objectiveId").asText()).toList(),
        containsInAnyOrder(ids.toArray()));
  }

  @Test
  void anActionGivenANewDueDateAndMissingItIsOverdueAgain() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    String action =
        addPart(
                plan,
                "actions",
                Map.of("title", "send proposal", "dueDate", "2026-10-05", "ownerId", "kam-ola"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    clock.set(Instant.parse("2026-10-06T00:00:00Z"));
    overdue.check();
    assertThat(PublishedEvents.of(account, OVERDUE, 1), hasSize(1));

    patch(plan, "actions", action, Map.of("dueDate", "2026-10-10")).statusCode(200);
    overdue.check();
    clock.set(Instant.parse("2026-10-11T00:00:00Z"));
    overdue.check();
    overdue.check();
    List<JsonNode> events = PublishedEvents.settled(account, OVERDUE, 2);
    assertThat(
        events.stream().map(e -> e.path("data").path("dueDate").asText()).toList(),
        contains("2026-10-05", "2026-10-10"));
  }
}
