package io.kam.scoring.events;

import static io.kam.chassis.testkit.SchemaViolations.ACCOUNT;
import static io.kam.chassis.testkit.SchemaViolations.KPI;
import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.score;
import static io.kam.scoring.testdata.Numbers.number;
import static io.kam.scoring.testdata.Scenarios.anUnassessedAccount;
import static io.kam.scoring.testdata.Scenarios.scoring;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.testkit.SchemaViolations;
import io.kam.scoring.testdata.AccountEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
    new SchemaViolations(ds)
        .publishAndAwaitDeadLetter(KPI, "kam.kpi.snapshot.v1", a.id().toString(), 2, "{}");
    score(a.id()).statusCode(200).body("score", number("57.0"));
  }

  @Test
  void anAccountCreatedWithEmptyDataCreatesNoAccount() {
    String id = UUID.randomUUID().toString();
    new SchemaViolations(ds)
        .publishAndAwaitDeadLetter(ACCOUNT, "kam.account.created.v1", id, 1, "{}");
    score(UUID.fromString(id)).statusCode(404);
  }
}
