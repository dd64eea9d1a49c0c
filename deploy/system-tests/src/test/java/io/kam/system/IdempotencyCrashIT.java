package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A creating POST with an Idempotency-Key whose service process is SIGKILLed in the middle of the
 * request (its insert is held by a table lock this test owns): after the restart, the client's
 * retry with the same key creates the account exactly once, and a further retry replays that
 * response. The system runs with a short claim lease (SystemUnderTest).
 */
class IdempotencyCrashIT {

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  private RequestSpecification asKam() {
    return given()
        .baseUri(sut.gatewayUrl())
        .header("Authorization", "Bearer " + sut.token("kam-anna", "kam"))
        .contentType("application/json");
  }

  private Response create(String key, String body) {
    return asKam().header("Idempotency-Key", key).body(body).post("/api/v1/accounts");
  }

  @Test
  void aRequestKilledMidwayIsDoneExactlyOnceByItsRetryAfterTheRestart() throws Exception {
    String name = "Crash Safe " + UUID.randomUUID();
    String body = "{\"name\":\"" + name + "\",\"ownerId\":\"kam-anna\"}";
    String key = UUID.randomUUID().toString();
    ServiceProcess account = sut.service("account");
    CompletableFuture<Integer> inFlight;
    // A thread of its own: the common pool has a single thread on a 2-core machine.
    ExecutorService client = Executors.newSingleThreadExecutor();
    try (Connection lock = accountDb()) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("lock table account in share row exclusive mode");
      }
      inFlight = CompletableFuture.supplyAsync(() -> create(key, body).statusCode(), client);
      // The request has claimed its key and waits inside its transaction: kill the process there.
      await()
          .atMost(Duration.ofSeconds(60))
          .failFast(
              "the request ended before it reached the lock",
              () -> assertFalse(inFlight.isDone(), () -> "it answered " + inFlight.getNow(-1)))
          .until(() -> claimed(key) && lockWaiters() > 0);
      account.kill();
      lock.rollback();
    } finally {
      client.shutdown();
    }
    int killed = inFlight.get(60, TimeUnit.SECONDS);
    account.start();
    account.awaitReady(Duration.ofSeconds(180));

    // The dead process's claim blocks the key (409) until its lease runs out; then the retry runs
    // it.
    String id =
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> create(key, body), r -> r.statusCode() == 201)
            .path("id");
    assertEquals(true, killed >= 500, "the killed request failed (" + killed + ")");
    create(key, body)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", org.hamcrest.Matchers.equalTo(id));
    assertEquals(1, accountsNamed(name), "the account exists exactly once");
  }

  private Connection accountDb() throws SQLException {
    return DriverManager.getConnection(sut.platform().jdbcUrl("account"), "postgres", "");
  }

  private boolean claimed(String key) throws SQLException {
    return count(
            "select count(*) from kam_chassis.idempotency_key where idem_key = ? and state = 'RUNNING'",
            key)
        == 1;
  }

  private long lockWaiters() throws SQLException {
    return count(
        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = ?",
        "account");
  }

  private long accountsNamed(String name) throws SQLException {
    return count("select count(*) from account where name = ?", name);
  }

  private long count(String sql, String arg) throws SQLException {
    try (Connection c = accountDb();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
