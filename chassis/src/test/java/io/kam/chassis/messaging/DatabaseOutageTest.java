package io.kam.chassis.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kam.platform.PlatformTestResource;
import io.kam.platform.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * While the service's database refuses every connection (its sessions cut, new ones refused), the
 * consumer pauses and readiness says so; events are retried, never dead-lettered; once the database
 * is back every event is applied exactly once.
 */
@QuarkusTest
class DatabaseOutageTest {

  static final String TOPIC = "kam.account.events";
  static final String SOURCE = "/account-service";
  static final String DATABASE = "kam_test";

  @Inject AgroalDataSource ds;

  @Test
  void consumersPauseWhileTheDatabaseIsUnreachableAndApplyEveryEventOnceAfterwards()
      throws Exception {
    String subject = UUID.randomUUID().toString();
    TestKafka.send(
        TOPIC,
        subject,
        TestKafka.cloudEvent(
            UUID.randomUUID().toString(), "test.known.v1", SOURCE, subject, 1, "{}"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Db.count(ds, "select count(*) from applied_event where subject = ?", subject) == 1);
    double failuresBefore = transientFailures();

    List<String> ids = new ArrayList<>();
    database(false);
    try {
      for (int seq = 2; seq <= 6; seq++) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        String type = seq == 4 ? "test.fact.v1" : "test.changed.v1";
        TestKafka.send(TOPIC, subject, TestKafka.cloudEvent(id, type, SOURCE, subject, seq, "{}"));
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> transientFailures() >= failuresBefore + 3);
      JsonPath ready =
          RestAssured.given()
              .get(io.kam.chassis.ManagementPort.url("health/ready"))
              .then()
              .statusCode(503)
              .extract()
              .jsonPath();
      assertEquals("DOWN", ready.getString("checks.find { it.name == 'Event consumers' }.status"));
    } finally {
      database(true);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Db.count(ds, "select count(*) from applied_event where subject = ?", subject) == 6);
    for (String id : ids) {
      assertEquals(
          1, Db.count(ds, "select count(*) from applied_event where event_id = ?", id), id);
    }
    assertEquals(
        0,
        Db.count(ds, "select count(*) from kam_chassis.dead_letter where event_key = ?", subject));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                RestAssured.given()
                        .get(io.kam.chassis.ManagementPort.url("health/ready"))
                        .statusCode()
                    == 200);
  }

  private static double transientFailures() {
    String metrics =
        RestAssured.given()
            .get(io.kam.chassis.ManagementPort.url("metrics"))
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return metrics
        .lines()
        .filter(
            l -> l.startsWith("kam_events_transient_failures_total{topic=\"kam.account.events\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Lets the service's database accept connections or refuses them and cuts its sessions. */
  private static void database(boolean open) throws SQLException {
    String admin = PlatformTestResource.shared().jdbcUrl("postgres");
    try (Connection c = DriverManager.getConnection(admin, "postgres", "postgres");
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
