package io.kam.planning.api;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.addPart;
import static io.kam.planning.testdata.Api.asManager;
import static io.kam.planning.testdata.Api.draftPlan;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * If-Match on plans and their parts is a strong comparison, and {@code If-Match: *} never lets a
 * merge patch undo a concurrent change: the test holds the plan row locked while the PATCH starts,
 * commits its own change, then lets the PATCH go on; both changes must survive.
 */
@QuarkusTest
class ConcurrentWritesTest {

  @Inject AgroalDataSource ds;

  @Test
  void aWeakEtagNeverMatchesAPlanOrPartWrite() {
    UUID plan = draftPlan(anAccount().create().id());
    asManager()
        .header("If-Match", "W/\"0\"")
        .contentType("application/merge-patch+json")
        .body("{\"title\":\"Weak\"}")
        .patch("/api/v1/plans/" + plan)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    String action =
        addPart(
                plan,
                "actions",
                Map.of("title", "Call", "dueDate", "2026-12-01", "ownerId", "kam-karl"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    asManager()
        .header("If-Match", "W/\"0\"")
        .contentType("application/merge-patch+json")
        .body("{\"title\":\"Weak\"}")
        .patch("/api/v1/plans/" + plan + "/actions/" + action)
        .then()
        .statusCode(412);
    asManager()
        .header("If-Match", "W/\"0\"")
        .delete("/api/v1/plans/" + plan + "/actions/" + action)
        .then()
        .statusCode(412);
    asManager()
        .header("If-Match", "W/\"0\"")
        .delete("/api/v1/plans/" + plan)
        .then()
        .statusCode(412);
  }

  @Test
  void aPlanPatchWithIfMatchStarKeepsAChangeCommittedWhileItWaited() throws Exception {
    UUID plan = draftPlan(anAccount().create().id());
    Response patched =
        whileLocked(
            plan,
            () ->
                asManager()
                    .header("If-Match", "*")
                    .contentType("application/merge-patch+json")
                    .body("{\"title\":\"Merged\"}")
                    .patch("/api/v1/plans/" + plan)
                    .then()
                    .extract()
                    .response(),
            "update plan set owner_id = 'kam-concurrent', version = version + 1 where id = ?",
            plan);
    assertEquals(200, patched.statusCode());
    asManager()
        .get("/api/v1/plans/" + plan)
        .then()
        .statusCode(200)
        .body("title", equalTo("Merged"))
        .body("ownerId", equalTo("kam-concurrent"));
  }

  @Test
  void aPartPatchWithIfMatchStarKeepsAChangeCommittedWhileItWaited() throws Exception {
    UUID plan = draftPlan(anAccount().create().id());
    String action =
        addPart(
                plan,
                "actions",
                Map.of("title", "Call", "dueDate", "2026-12-01", "ownerId", "kam-karl"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Response patched =
        whileLocked(
            plan,
            () ->
                asManager()
                    .header("If-Match", "*")
                    .contentType("application/merge-patch+json")
                    .body("{\"title\":\"Call the CFO\"}")
                    .patch("/api/v1/plans/" + plan + "/actions/" + action)
                    .then()
                    .extract()
                    .response(),
            "update plan_action set due_date = date '2027-01-31', version = version + 1 where id = ?",
            UUID.fromString(action));
    assertEquals(200, patched.statusCode());
    asManager()
        .get("/api/v1/plans/" + plan + "/actions/" + action)
        .then()
        .statusCode(200)
        .body("title", equalTo("Call the CFO"))
        .body("dueDate", equalTo("2027-01-31"));
  }

  /**
   * Runs {@code write} while the plan row is locked, commits {@code change} meanwhile, then lets it
   * go.
   */
  private Response whileLocked(UUID plan, Supplier<Response> write, String change, UUID changed)
      throws Exception {
    CompletableFuture<Response> pending;
    try (Connection lock = ds.getConnection()) {
      lock.setAutoCommit(false);
      sql(lock, "select 1 from plan where id = ? for update", plan);
      pending = CompletableFuture.supplyAsync(write);
      await().atMost(Duration.ofSeconds(30)).until(this::aSessionWaitsForALock);
      sql(lock, change, changed);
      lock.commit();
    }
    return pending.get(30, TimeUnit.SECONDS);
  }

  private boolean aSessionWaitsForALock() throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and datname = current_database()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  private static void sql(Connection c, String sql, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      ps.execute();
    }
  }
}
