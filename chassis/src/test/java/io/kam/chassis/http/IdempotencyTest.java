package io.kam.chassis.http;

import static io.kam.chassis.Auth.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.testapp.WidgetRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

  private static final String SCOPE = "user:admin-ada POST widgets";

  @Inject AgroalDataSource ds;
  @Inject IdempotencyClaims claims;
  @Inject Idempotency idempotency;
  private final ExecutorService pool = Executors.newFixedThreadPool(6);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  private Response post(String key, String body) {
    return asAdmin()
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/widgets")
        .then()
        .extract()
        .response();
  }

  private static String named(String name) {
    return "{\"name\":\"" + name + "\"}";
  }

  @Test
  void sameKeyAndBodyReplaysTheFirstResponse() {
    String key = UUID.randomUUID().toString();
    Response first = post(key, "{\"name\":\"idem\"}");
    Response second = post(key, "{\"name\":\"idem\"}");
    assertEquals(201, first.statusCode());
    assertEquals(201, second.statusCode());
    assertEquals(first.<String>path("id"), second.<String>path("id"));
    assertEquals(first.header("Location"), second.header("Location"));
    assertEquals("true", second.header("Idempotent-Replayed"));
  }

  @Test
  void sameKeyWithAnotherBodyIs422() {
    String key = UUID.randomUUID().toString();
    post(key, "{\"name\":\"a\"}");
    Response other = post(key, "{\"name\":\"b\"}");
    assertEquals(422, other.statusCode());
    assertEquals("application/problem+json", other.contentType());
  }

  @Test
  void aFailedFirstAttemptDoesNotBurnTheKey() {
    String key = UUID.randomUUID().toString();
    asAdmin()
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body("{\"name\":\"\"}")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(422);
    post(key, "{\"name\":\"\"}").then().statusCode(422);
  }

  @Test
  void anActionThatFailsReleasesTheKeySoTheRetryRunsAgain() {
    String name = "unique-" + UUID.randomUUID();
    String taken =
        asAdmin()
            .contentType("application/json")
            .body(named(name))
            .post("/api/v1/widgets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String key = UUID.randomUUID().toString();
    post(key, named(name))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", equalTo("a widget is already named " + name));
    assertEquals(0, rows(key), "the failed attempt gave its key back");
    asAdmin()
        .header("If-Match", "*")
        .contentType("application/json")
        .body(named("renamed"))
        .put("/api/v1/widgets/" + taken)
        .then()
        .statusCode(200);
    post(key, named(name)).then().statusCode(201).body("name", equalTo(name));
    assertEquals(1, widgetsNamed(name));
  }

  @Test
  void concurrentDuplicatesHaveExactlyOneEffectAndTheOthersGet409() throws Exception {
    String name = "dup-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    CompletableFuture<Response> first;
    List<Response> duplicates = new ArrayList<>();
    try (BlockedWrites blocked = new BlockedWrites(ds, "widget")) {
      first = CompletableFuture.supplyAsync(() -> post(key, named(name)), pool);
      blocked.awaitWaiting(1);
      List<CompletableFuture<Response>> others = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        others.add(CompletableFuture.supplyAsync(() -> post(key, named(name)), pool));
      }
      for (CompletableFuture<Response> f : others) {
        duplicates.add(f.get(30, TimeUnit.SECONDS));
      }
    }
    assertEquals(201, first.get(30, TimeUnit.SECONDS).statusCode());
    for (Response r : duplicates) {
      assertEquals(409, r.statusCode());
      assertEquals("application/problem+json", r.contentType());
    }
    Response replay = post(key, named(name));
    assertEquals(201, replay.statusCode());
    assertEquals(first.get().<String>path("id"), replay.<String>path("id"));
    assertEquals(1, widgetsNamed(name));
  }

  @Test
  void aClaimLeftByADeadProcessIsTakenOverOnceItsLeaseRunsOut() {
    String name = "orphan-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    // A process claimed the key and died before its transaction committed: the claim is all that is
    // left.
    String hash = idempotency.fingerprint(SCOPE, new WidgetRequest(name, null, null, null, null));
    assertNull(claims.claim(SCOPE, key, hash).replay());
    post(key, named(name)).then().statusCode(409).contentType("application/problem+json");
    expireLease(key);
    post(key, named(name)).then().statusCode(201).body("name", equalTo(name));
    post(key, named(name)).then().statusCode(201).header("Idempotent-Replayed", "true");
    assertEquals(1, widgetsNamed(name));
  }

  @Test
  void aSlowAttemptWhoseClaimWasTakenOverRollsBackItsEffect() throws Exception {
    String name = "slow-" + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    CompletableFuture<Response> slow;
    CompletableFuture<Response> retry;
    try (BlockedWrites blocked = new BlockedWrites(ds, "widget")) {
      slow = CompletableFuture.supplyAsync(() -> post(key, named(name)), pool);
      blocked.awaitWaiting(1);
      expireLease(key); // the slow attempt outlived its lease
      retry = CompletableFuture.supplyAsync(() -> post(key, named(name)), pool);
      blocked.awaitWaiting(2);
    }
    Response a = slow.get(30, TimeUnit.SECONDS);
    Response b = retry.get(30, TimeUnit.SECONDS);
    assertEquals(409, a.statusCode(), "the attempt that lost its claim changes nothing");
    assertEquals(201, b.statusCode());
    assertEquals(1, widgetsNamed(name));
    post(key, named(name)).then().statusCode(201).body("id", equalTo(b.path("id")));
  }

  @Test
  void housekeepingRemovesKeysPastTheirTtlButNotLiveClaims() throws SQLException {
    String old = "old-" + UUID.randomUUID();
    String fresh = "fresh-" + UUID.randomUUID();
    String oldButLeased = "leased-" + UUID.randomUUID();
    execute(
        "insert into kam_chassis.idempotency_key (scope, idem_key, request_hash, state, status, created_at)"
            + " values ('s', ?, 'h', 'DONE', 201, now() - interval '25 hours')",
        old);
    execute(
        "insert into kam_chassis.idempotency_key (scope, idem_key, request_hash, state, status)"
            + " values ('s', ?, 'h', 'DONE', 201)",
        fresh);
    execute(
        "insert into kam_chassis.idempotency_key (scope, idem_key, request_hash, state, locked_until, created_at)"
            + " values ('s', ?, 'h', 'RUNNING', now() + interval '1 minute', now() - interval '25 hours')",
        oldButLeased);
    claims.removeExpired();
    assertEquals(0, rows(old));
    assertEquals(1, rows(fresh));
    assertEquals(1, rows(oldButLeased));
  }

  @Test
  void theSameKeyIsIndependentPerCaller() {
    String key = UUID.randomUUID().toString();
    post(key, "{\"name\":\"mine\"}").then().statusCode(201);
    io.kam.chassis.Auth.as("kam-ben", "kam")
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body("{\"name\":\"theirs\"}")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(201)
        .body("name", equalTo("theirs"));
  }

  private void expireLease(String key) {
    execute(
        "update kam_chassis.idempotency_key set locked_until = now() - interval '1 second' where idem_key = ?",
        key);
  }

  private long rows(String key) {
    return count("select count(*) from kam_chassis.idempotency_key where idem_key = ?", key);
  }

  private long widgetsNamed(String name) {
    return count("select count(*) from widget where name = ?", name);
  }

  private void execute(String sql, String arg) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long count(String sql, String arg) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
