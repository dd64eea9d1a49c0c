package io.kam.planning.api;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.addPart;
import static io.kam.planning.testdata.Api.asManager;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.kam.planning.testdata.AnAccount;
import io.kam.planning.testdata.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ActionsTest {

  static Map<String, Object> action(String title, String due, String owner) {
    Map<String, Object> a = new HashMap<>(Map.of("title", title, "dueDate", due));
    if (owner != null) {
      a.put("ownerId", owner);
    }
    return a;
  }

  @Test
  void anActionBelongsToThePlanOwnerUnlessGivenAnotherAndChangesUnderIfMatch() {
    AnAccount account = anAccount().ownedBy("kam-ada-" + UUID.randomUUID()).create();
    UUID plan = activePlan(account.id());
    String id =
        addPart(plan, "actions", action("prepare QBR", "2026-11-01", null))
            .then()
            .statusCode(201)
            .header("ETag", equalTo("\"0\""))
            .body("ownerId", equalTo(account.ownerId()))
            .body("status", equalTo("OPEN"))
            .body("accountId", equalTo(account.id().toString()))
            .body("overdue", equalTo(false))
            .extract()
            .path("id");
    String path = "/api/v1/plans/" + plan + "/actions/" + id;
    asManager()
        .contentType("application/merge-patch+json")
        .body(Map.of("status", "IN_PROGRESS"))
        .patch(path)
        .then()
        .statusCode(428);
    asManager()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body(Map.of("status", "IN_PROGRESS", "ownerId", "kam-bert"))
        .patch(path)
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        .body("ownerId", equalTo("kam-bert"))
        .body("title", equalTo("prepare QBR"))
        .header("ETag", equalTo("\"1\""));
    asManager().header("If-Match", "\"0\"").delete(path).then().statusCode(412);
    asManager().header("If-Match", "\"1\"").delete(path).then().statusCode(204);
    asManager().get(path).then().statusCode(404);
  }

  @Test
  void validatesActions() {
    UUID plan = activePlan(anAccount().create().id());
    addPart(plan, "actions", Map.of("title", "no due date"))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("dueDate"));
    addPart(plan, "actions", Map.of("title", "t", "dueDate", "2026-13-45")).then().statusCode(400);
    addPart(plan, "actions", Map.of("title", "t", "dueDate", "2026-11-01", "status", "SLEEPING"))
        .then()
        .statusCode(400);
    UUID otherPlan = activePlan(anAccount().create().id());
    String foreignObjective =
        addPart(otherPlan, "objectives", Map.of("title", "o"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    addPart(
            plan,
            "actions",
            Map.of("title", "t", "dueDate", "2026-11-01", "objectiveId", foreignObjective))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("objectiveId"));
    String ownObjective =
        addPart(plan, "objectives", Map.of("title", "o"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    addPart(
            plan,
            "actions",
            Map.of("title", "t", "dueDate", "2026-11-01", "objectiveId", ownObjective))
        .then()
        .statusCode(201)
        .body("objectiveId", equalTo(ownObjective));
  }

  @Test
  void anActionIsOverdueWhenDueBeforeTodayAndNotDoneOrCancelled() {
    // the test clock stands at 2026-10-01
    UUID plan = activePlan(anAccount().create().id());
    addPart(plan, "actions", action("late", "2026-09-30", "kam-x"))
        .then()
        .body("overdue", equalTo(true));
    addPart(plan, "actions", action("today", "2026-10-01", "kam-x"))
        .then()
        .body("overdue", equalTo(false));
    Map<String, Object> done = action("done late", "2026-09-01", "kam-x");
    done.put("status", "DONE");
    addPart(plan, "actions", done).then().body("overdue", equalTo(false));
    Map<String, Object> cancelled = action("cancelled late", "2026-09-01", "kam-x");
    cancelled.put("status", "CANCELLED");
    addPart(plan, "actions", cancelled).then().body("overdue", equalTo(false));
    Map<String, Object> blocked = action("blocked late", "2026-09-01", "kam-x");
    blocked.put("status", "BLOCKED");
    addPart(plan, "actions", blocked).then().body("overdue", equalTo(true));
  }

  @Test
  void theWorkListShowsAnOwnersActionsAcrossPlansByDueDate() {
    String owner = "kam-work-" + UUID.randomUUID();
    UUID planA = activePlan(anAccount().create().id());
    UUID planB = Api.draftPlan(anAccount().create().id());
    UUID archived = activePlan(anAccount().create().id());
    addPart(planA, "actions", action("a-late", "2026-09-20", owner)).then().statusCode(201);
    addPart(planB, "actions", action("b-later", "2026-12-01", owner)).then().statusCode(201);
    addPart(planB, "actions", action("b-late", "2026-09-25", owner)).then().statusCode(201);
    addPart(planA, "actions", action("someone else", "2026-09-01", "kam-other"))
        .then()
        .statusCode(201);
    addPart(archived, "actions", action("history", "2026-09-01", owner)).then().statusCode(201);
    Api.transition(archived, "archive").then().statusCode(200);

    asManager()
        .queryParam("ownerId", owner)
        .get("/api/v1/actions")
        .then()
        .statusCode(200)
        .body("items.title", contains("a-late", "b-late", "b-later"));
    asManager()
        .queryParam("ownerId", owner)
        .queryParam("overdue", "true")
        .get("/api/v1/actions")
        .then()
        .body("items.title", contains("a-late", "b-late"))
        .body("items.overdue", contains(true, true));
    asManager()
        .queryParam("ownerId", owner)
        .queryParam("overdue", "false")
        .get("/api/v1/actions")
        .then()
        .body("items.title", contains("b-later"));

    String cursor =
        asManager()
            .queryParam("ownerId", owner)
            .queryParam("limit", 2)
            .get("/api/v1/actions")
            .then()
            .body("items.title", contains("a-late", "b-late"))
            .body("nextCursor", notNullValue())
            .extract()
            .path("nextCursor");
    asManager()
        .queryParam("ownerId", owner)
        .queryParam("limit", 2)
        .queryParam("cursor", cursor)
        .get("/api/v1/actions")
        .then()
        .body("items.title", contains("b-later"))
        .body("nextCursor", equalTo(null));
    asManager().queryParam("overdue", "soon").get("/api/v1/actions").then().statusCode(400);
  }
}
