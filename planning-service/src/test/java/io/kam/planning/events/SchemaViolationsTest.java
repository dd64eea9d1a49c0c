package io.kam.planning.events;

import static io.kam.chassis.testkit.SchemaViolations.ACCOUNT;
import static io.kam.planning.testdata.AnAccount.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.testkit.SchemaViolations;
import io.kam.planning.domain.Account;
import io.kam.planning.testdata.AnAccount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
    String data =
        "{\"id\":\"" + id + "\",\"name\":5,\"ownerId\":123,\"team\":\"none\",\"version\":\"two\"}";
    new SchemaViolations(ds)
        .publishAndAwaitDeadLetter(ACCOUNT, "kam.account.updated.v1", id, 2, data);
    Account after =
        QuarkusTransaction.requiringNew().call(() -> em.find(Account.class, account.id()));
    assertEquals("kam-keeps", after.ownerId);
    assertEquals(account.name(), after.name);
  }
}
