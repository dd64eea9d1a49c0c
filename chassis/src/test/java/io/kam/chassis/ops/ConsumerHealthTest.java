package io.kam.chassis.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsumerHealthTest {

  @Inject AgroalDataSource ds;

  private static Map<String, Object> data() {
    return given()
        .get(io.kam.chassis.ManagementPort.url("health/group/consumers"))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getMap("checks.find { it.name == 'Consumers (informational)' }.data");
  }

  @Test
  void showsLagPerGroupAndTopicParkedEventsDeadLettersAndTheOutbox() throws SQLException {
    Map<String, Object> before = data();
    assertTrue(before.containsKey("lag:chassis-test:kam.account.events"), before.toString());
    assertTrue(
        before.containsKey("outboxBacklog") && before.containsKey("outboxOldestAgeSeconds"),
        before.toString());
    String consumer = "health-test-" + UUID.randomUUID();
    try (Connection c = ds.getConnection()) {
      execute(
          c,
          "insert into kam_chassis.parked_event (consumer, subject, producer, sequence, topic, payload, parked_at)"
              + " values (?, 's', 'p', 1, 't', '{}', now() - interval '1 hour')",
          consumer);
      execute(
          c,
          "insert into kam_chassis.dead_letter (consumer, topic, kafka_partition, kafka_offset, payload, reason)"
              + " values (?, 't', 0, 0, '{}', 'test')",
          consumer);
      Map<String, Object> after = data();
      assertEquals(
          ((Number) before.get("parkedEvents")).longValue() + 1,
          ((Number) after.get("parkedEvents")).longValue());
      assertEquals(
          ((Number) before.get("deadLetters")).longValue() + 1,
          ((Number) after.get("deadLetters")).longValue());
      assertTrue(
          ((Number) after.get("parkedOldestAgeSeconds")).longValue() >= 3600, after.toString());
    } finally {
      try (Connection c = ds.getConnection()) {
        execute(c, "delete from kam_chassis.parked_event where consumer = ?", consumer);
        execute(c, "delete from kam_chassis.dead_letter where consumer = ?", consumer);
      }
    }
  }

  private static void execute(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      ps.executeUpdate();
    }
  }
}
