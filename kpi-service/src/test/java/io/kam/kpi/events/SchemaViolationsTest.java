package io.kam.kpi.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kam.kpi.testdata.Api;
import io.kam.platform.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event that violates its producer's schema is dead-lettered and changes nothing. */
@QuarkusTest
class SchemaViolationsTest {

  @Inject AgroalDataSource ds;

  @Test
  void anAccountCreatedWithEmptyDataCreatesNoPhantomAccount() {
    String id = UUID.randomUUID().toString();
    TestKafka.send("kam.account.events", id, TestKafka.cloudEvent(UUID.randomUUID().toString(),
        "kam.account.created.v1", "/account-service", id, 1, "{}"));
    String[] reason = new String[1];
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      try (Connection c = ds.getConnection();
          PreparedStatement ps = c.prepareStatement("select reason from kam_chassis.dead_letter where event_key = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          reason[0] = rs.next() ? rs.getString(1) : null;
        }
      }
      return reason[0] != null;
    });
    assertTrue(reason[0].startsWith("schema: the data of kam.account.created.v1 violates its schema"), reason[0]);
    Api.viewer().when().get("/api/v1/accounts/{id}/kpis", id).then().statusCode(404);
  }
}
