package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * planning-service's database refuses every connection for 40 s (its sessions cut) while accounts
 * keep being created through the gateway: planning's consumers pause (readiness degraded) instead
 * of dead-lettering, and once the database is back every account reaches planning, none twice, and
 * no dead letter was written.
 */
class ConsumerDatabaseOutageIT {

  static final String DATABASE = "planning";
  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  @Test
  void aServiceWhoseDatabaseIsDownPausesItsConsumersAndLosesNoEvent() throws Exception {
    String token = sut.token("kam-anna", "kam");
    List<String> created = new CopyOnWriteArrayList<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread load =
        new Thread(
            () -> {
              while (writing.get()) {
                String id =
                    given()
                        .baseUri(sut.gatewayUrl())
                        .header("Authorization", "Bearer " + token)
                        .contentType("application/json")
                        .body(
                            "{\"name\":\"Outage "
                                + UUID.randomUUID()
                                + "\",\"ownerId\":\"kam-anna\",\"country\":\"DE\"}")
                        .post("/api/v1/accounts")
                        .then()
                        .extract()
                        .path("id");
                if (id != null) {
                  created.add(id);
                }
              }
            },
            "steady-writes");
    load.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> created.size() >= 5);
      database(false);
      try {
        int before = created.size();
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> planningReadiness() == 503);
        // The outage lasts 40 s from here, with writes going on.
        long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> System.nanoTime() > until);
        assertTrue(created.size() > before, "accounts were created during the outage");
      } finally {
        database(true);
      }
      int atRestore = created.size();
      await().atMost(Duration.ofSeconds(60)).until(() -> created.size() >= atRestore + 10);
    } finally {
      writing.set(false);
      load.join();
    }
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                count("select count(*) from account where id = any (?::uuid[])", created)
                    == created.size());
    assertEquals(
        0,
        count("select count(*) from kam_chassis.dead_letter where event_key = any (?)", created));
    // Ready again once the paused consumers' retries have gone through (at most one backoff).
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> planningReadiness() == 200);
  }

  private static int planningReadiness() throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(sut.service("planning").managementUrl() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    return HttpClient.newHttpClient()
        .send(req, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static long count(String sql, List<String> ids) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(sut.platform().jdbcUrl(DATABASE), "postgres", "");
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Lets planning's database accept connections, or refuses them and cuts its sessions. */
  private static void database(boolean open) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(sut.platform().jdbcUrl("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("alter database " + DATABASE + " with allow_connections " + open);
      if (!open) {
        s.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                + DATABASE
                + "'");
      }
    }
  }
}
