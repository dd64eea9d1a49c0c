package io.kam.planning.events;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kam.planning.domain.Account;
import io.kam.planning.testdata.AnAccount;
import io.kam.platform.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
  @Inject EntityManager em;

  @Test
  void anAccountUpdatedWithWrongTypesKeepsTheOwner() {
    AnAccount account = anAccount().ownedBy("kam-keeps").create();
    String id = account.id().toString();
    String data = "{\"id\":\"" + id + "\",\"name\":5,\"ownerId\":123,\"team\":\"none\",\"version\":\"two\"}";
    TestKafka.send("kam.account.events", id, TestKafka.cloudEvent(UUID.randomUUID().toString(),
        "kam.account.updated.v1", "/account-service", id, 2, data));
    String reason = awaitDeadLetter(id);
    assertTrue(reason.startsWith("schema: the data of kam.account.updated.v1 violates its schema"), reason);
    Account after = QuarkusTransaction.requiringNew().call(() -> em.find(Account.class, account.id()));
    assertEquals("kam-keeps", after.ownerId);
    assertEquals(account.name(), after.name);
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
