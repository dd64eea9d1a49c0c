package io.kam.planning.events;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.addPart;
import static io.kam.planning.testdata.Api.asManager;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.OverdueActions;
import io.kam.planning.testdata.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
class OverdueActionsTest {

  private static final String OVERDUE = "kam.plan.action-overdue.v1";

  @Inject KamClock clock;
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

  private static String addAction(UUID plan, String title, String due, String owner) {
    return addPart(plan, "actions", Map.of("title", title, "dueDate", due, "ownerId", owner))
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void announcesAnActionOnceWhenItsDueDateIsCrossed() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    String action = addAction(plan, "send proposal", "2026-10-05", "kam-ola");

    clock.set(Instant.parse("2026-10-05T23:59:59Z"));
    overdue.check();
    asManager()
        .get("/api/v1/plans/" + plan + "/actions/" + action)
        .then()
        .body("overdue", is(false));
    assertThat(PublishedEvents.of(account, OVERDUE, 1, Duration.ofSeconds(2)), empty());

    clock.set(Instant.parse("2026-10-06T00:00:00Z"));
    overdue.check();
    overdue.check();
    asManager()
        .get("/api/v1/plans/" + plan + "/actions/" + action)
        .then()
        .body("overdue", is(true));
    List<JsonNode> events = PublishedEvents.settled(account, OVERDUE, 1);
    assertThat(events, hasSize(1));
    JsonNode data = events.get(0).path("data");
    assertThat(data.path("actionId").asText(), is(action));
    assertThat(data.path("planId").asText(), is(plan.toString()));
    assertThat(data.path("accountId").asText(), is(account.toString()));
    assertThat(data.path("ownerId").asText(), is("kam-ola"));
    assertThat(data.path("dueDate").asText(), is("2026-10-05"));
  }

  @Test
  void neverAnnouncesDoneCancelledOrArchivedWork() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    addPart(
            plan,
            "actions",
            Map.of("title", "done", "dueDate", "2026-10-02", "status", "DONE", "ownerId", "k"))
        .then()
        .statusCode(201);
    addPart(
            plan,
            "actions",
            Map.of("title", "off", "dueDate", "2026-10-02", "status", "CANCELLED", "ownerId", "k"))
        .then()
        .statusCode(201);
    UUID other = anAccount().create().id();
    UUID archived = activePlan(other);
    addAction(archived, "history", "2026-10-02", "k");
    io.kam.planning.testdata.Api.transition(archived, "archive").then().statusCode(200);

    clock.set(Instant.parse("2026-10-10T00:00:00Z"));
    overdue.check();
    assertThat(PublishedEvents.of(account, OVERDUE, 1, Duration.ofSeconds(2)), empty());
    assertThat(PublishedEvents.of(other, OVERDUE, 1, Duration.ofSeconds(1)), empty());
  }

  @Test
  void twoChecksRunningAtOnceAnnounceEachActionOnce() throws Exception {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    List<String> actions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      actions.add(addAction(plan, "task " + i, "2026-10-03", "kam-par"));
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
                  return overdue.check();
                }));
      }
      start.countDown();
      for (Future<Integer> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<JsonNode> events = PublishedEvents.settled(account, OVERDUE, 5);
    assertThat(
        events.stream().map(e -> e.path("data").path("actionId").asText()).toList(),
        containsInAnyOrder(actions.toArray()));
  }
}
