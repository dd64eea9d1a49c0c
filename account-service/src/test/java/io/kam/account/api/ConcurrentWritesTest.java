package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.createId;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * If-Match is a strong comparison, and {@code If-Match: *} never lets a merge patch undo a
 * concurrent change: the test holds the account row locked, lets the PATCH start, commits its own
 * change and then lets the PATCH go on; both changes must survive.
 */
@QuarkusTest
class ConcurrentWritesTest {

  @Inject AgroalDataSource ds;

  @Test
  void aWeakEtagNeverMatchesAWrite() {
    String id = createId(anAccount());
    asAdmin()
        .header("If-Match", "W/\"1\"")
        .body(anAccount().named("Weak").build())
        .when()
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    asAdmin()
        .header("If-Match", "W/\"1\"")
        .contentType("application/merge-patch+json")
        .body("{\"industry\":\"RETAIL\"}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(412);
    asAdmin()
        .header("If-Match", "W/\"1\"")
        .when()
        .delete("/api/v1/accounts/" + id)
        .then()
        .statusCode(412);
    asAdmin()
        .header("If-Match", "W/\"1\", \"1\"")
        .contentType("application/merge-patch+json")
        .body("{\"industry\":\"RETAIL\"}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(200);
  }

  @Test
  void aPatchWithIfMatchStarKeepsAChangeCommittedWhileItWaited() throws Exception {
    String id = createId(anAccount().named("Before"));
    CompletableFuture<Response> patch;
    try (Connection lock = ds.getConnection()) {
      lock.setAutoCommit(false);
      sql(lock, "select 1 from account where id = ? for update", id);
      patch =
          CompletableFuture.supplyAsync(
              () ->
                  asAdmin()
                      .header("If-Match", "*")
                      .contentType("application/merge-patch+json")
                      .body("{\"industry\":\"RETAIL\"}")
                      .when()
                      .patch("/api/v1/accounts/" + id)
                      .then()
                      .extract()
                      .response());
      awaitLockWaiter();
      sql(lock, "update account set country = 'FR', version = version + 1 where id = ?", id);
      lock.commit();
    }
    assertEquals(200, patch.get(30, TimeUnit.SECONDS).statusCode());
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + id)
        .then()
        .statusCode(200)
        .body("industry", equalTo("RETAIL"))
        .body("country", equalTo("FR"))
        .body("version", equalTo(3));
  }

  @Test
  void aContactPatchWithIfMatchStarKeepsAChangeCommittedWhileItWaited() throws Exception {
    String account = createId(anAccount());
    String contact =
        asAdmin()
            .body("{\"name\":\"Clara\",\"title\":\"CFO\"}")
            .when()
            .post("/api/v1/accounts/" + account + "/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    CompletableFuture<Response> patch;
    try (Connection lock = ds.getConnection()) {
      lock.setAutoCommit(false);
      sql(lock, "select 1 from account where id = ? for update", account);
      patch =
          CompletableFuture.supplyAsync(
              () ->
                  asAdmin()
                      .header("If-Match", "*")
                      .contentType("application/merge-patch+json")
                      .body("{\"email\":\"clara@example.com\"}")
                      .when()
                      .patch("/api/v1/accounts/" + account + "/contacts/" + contact)
                      .then()
                      .extract()
                      .response());
      awaitLockWaiter();
      sql(lock, "update contact set title = 'CEO', version = version + 1 where id = ?", contact);
      lock.commit();
    }
    assertEquals(200, patch.get(30, TimeUnit.SECONDS).statusCode());
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + account + "/contacts/" + contact)
        .then()
        .statusCode(200)
        .body("email", equalTo("clara@example.com"))
        .body("title", equalTo("CEO"));
  }

  @Test
  void aWeakEtagNeverMatchesAContactWrite() {
    String account = createId(anAccount());
    String contact =
        asAdmin()
            .body("{\"name\":\"Wes\"}")
            .when()
            .post("/api/v1/accounts/" + account + "/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    asAdmin()
        .header("If-Match", "W/\"1\"")
        .contentType("application/merge-patch+json")
        .body("{\"title\":\"CTO\"}")
        .when()
        .patch("/api/v1/accounts/" + account + "/contacts/" + contact)
        .then()
        .statusCode(412);
  }

  private void awaitLockWaiter() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              try (Connection c = ds.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "select count(*) from pg_stat_activity"
                              + " where wait_event_type = 'Lock' and datname = current_database()");
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
              }
            });
  }

  private static void sql(Connection c, String sql, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, UUID.fromString(id));
      ps.execute();
    }
  }
}
