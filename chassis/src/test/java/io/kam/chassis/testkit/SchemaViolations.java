package io.kam.chassis.testkit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.platform.TestKafka;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Publishes an event that violates its producer's schema, as that producer would, and waits until
 * the consuming service dead-letters it for that reason. What the event must not have changed is
 * the service's own test to assert.
 */
public final class SchemaViolations {

  /** A producing service: its topic and the CloudEvent source it stamps on its events. */
  public record Producer(String topic, String source) {}

  public static final Producer ACCOUNT = new Producer("kam.account.events", "/account-service");
  public static final Producer KPI = new Producer("kam.kpi.events", "/kpi-service");
  public static final Producer SCORE = new Producer("kam.score.events", "/scoring-service");

  private final DataSource ds;

  public SchemaViolations(DataSource ds) {
    this.ds = ds;
  }

  /**
   * Sends {@code data} as a {@code type} event about {@code key} and returns the dead letter's
   * reason once the consumer has recorded it, after asserting it blames the schema.
   */
  public String publishAndAwaitDeadLetter(
      Producer producer, String type, String key, long sequence, String data) {
    TestKafka.send(
        producer.topic(),
        key,
        TestKafka.cloudEvent(
            UUID.randomUUID().toString(), type, producer.source(), key, sequence, data));
    String reason = awaitDeadLetter(key);
    String expected = "schema: the data of " + type + " violates its schema";
    assertTrue(reason.startsWith(expected), reason);
    return reason;
  }

  private String awaitDeadLetter(String key) {
    String[] reason = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              try (Connection c = ds.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "select reason from kam_chassis.dead_letter where event_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                  reason[0] = rs.next() ? rs.getString(1) : null;
                }
              }
              return reason[0] != null;
            });
    return reason[0];
  }
}
