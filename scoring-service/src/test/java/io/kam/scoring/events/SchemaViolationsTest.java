package io.kam.scoring.events;

import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.score;
import static io.kam.scoring.testdata.Scenarios.anUnassessedAccount;
import static io.kam.scoring.testdata.Scenarios.scoring;
import static org.awaitility.Awaitility.await;
import static io.kam.scoring.testdata.Numbers.number;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kam.platform.TestKafka;
import io.kam.scoring.testdata.AccountEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events that violate their producer's schema are dead-lettered and change nothing. */
@QuarkusTest
class SchemaViolationsTest {

  @Inject AgroalDataSource ds;

  @Test
  void aSnapshotWithEmptyDataIsDeadLetteredAndTheScoreStays() throws Exception {
    AccountEvent a = anUnassessedAccount();
    scoring(a, "57", 1).send();
    awaitScore(a.id(), "57.0");
    TestKafka.send("kam.kpi.events", a.id().toString(), TestKafka.cloudEvent(UUID.randomUUID().toString(),
        "kam.kpi.snapshot.v1", "/kpi-service", a.id().toString(), 2, "{}"));
    String reason = awaitDeadLetter(a.id().toString());
    assertTrue(reason.startsWith("schema: the data of kam.kpi.snapshot.v1 violates its schema"), reason);
    score(a.id()).statusCode(200).body("score", number("57.0"));
  }

  @Test
  void anAccountCreatedWithEmptyDataCreatesNoAccount() throws Exception {
    String id = UUID.randomUUID().toString();
    TestKafka.send("kam.account.events", id, TestKafka.cloudEvent(UUID.randomUUID().toString(),
        "kam.account.created.v1", "/account-service", id, 1, "{}"));
    awaitDeadLetter(id);
    score(UUID.fromString(id)).statusCode(404);
  }

  private String awaitDeadLetter(String key) {
    String[] reason = new String[1];
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      try (Connection c = ds.getConnection();
          PreparedStatement ps = c.prepareStatement("select reason from kam_chassis.dead_letter where event_key = ?")) {
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
