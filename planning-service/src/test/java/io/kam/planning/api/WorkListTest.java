package io.kam.planning.api;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.addPart;
import static io.kam.planning.testdata.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/actions: without ownerId the caller's own; someone else's for readers of all. */
@QuarkusTest
class WorkListTest {

  private static void action(UUID plan, String title, String owner) {
    addPart(plan, "actions", Map.of("title", title, "dueDate", "2026-11-01", "ownerId", owner))
        .then()
        .statusCode(201);
  }

  @Test
  void withoutOwnerIdTheWorkListIsTheCallersOwn() {
    String me = "kam-me-" + UUID.randomUUID();
    String other = "kam-other-" + UUID.randomUUID();
    UUID plan = activePlan(anAccount().ownedBy(me).create().id());
    action(plan, "mine", me);
    action(plan, "theirs", other);

    as(me, "kam")
        .get("/api/v1/actions")
        .then()
        .statusCode(200)
        .body("items.title", contains("mine"));
    as(other, "kam")
        .get("/api/v1/actions")
        .then()
        .statusCode(200)
        .body("items.title", contains("theirs"));
    as(me, "kam")
        .queryParam("ownerId", me)
        .get("/api/v1/actions")
        .then()
        .statusCode(200)
        .body("items.title", contains("mine"));
  }

  @Test
  void aKamAskingForAnotherUsersOrEveryonesWorkListGets403() {
    String me = "kam-me-" + UUID.randomUUID();
    as(me, "kam")
        .queryParam("ownerId", "kam-someone")
        .get("/api/v1/actions")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as(me, "kam").queryParam("ownerId", "*").get("/api/v1/actions").then().statusCode(403);
  }

  @Test
  void aManagerReadsAnyonesWorkListOrEveryones() {
    String a = "kam-a-" + UUID.randomUUID();
    String b = "kam-b-" + UUID.randomUUID();
    UUID plan = activePlan(anAccount().create().id());
    action(plan, "for a", a);
    action(plan, "for b", b);

    as("mgr-mia", "kam-manager")
        .queryParam("ownerId", a)
        .get("/api/v1/actions")
        .then()
        .statusCode(200)
        .body("items.title", contains("for a"));
    as("mgr-mia", "kam-manager")
        .queryParam("ownerId", "*")
        .queryParam("limit", 500)
        .get("/api/v1/actions")
        .then()
        .statusCode(200)
        .body("items.title", hasItems("for a", "for b"));
    as("mgr-mia", "kam-manager")
        .get("/api/v1/actions")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }
}
