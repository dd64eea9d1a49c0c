package io.kam.kpi.events;

import static io.kam.chassis.testkit.SchemaViolations.ACCOUNT;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.testkit.SchemaViolations;
import io.kam.kpi.testdata.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event that violates its producer's schema is dead-lettered and changes nothing. */
@QuarkusTest
class SchemaViolationsTest {

  @Inject AgroalDataSource ds;

  @Test
  void anAccountCreatedWithEmptyDataCreatesNoPhantomAccount() {
    String id = UUID.randomUUID().toString();
    new SchemaViolations(ds)
        .publishAndAwaitDeadLetter(ACCOUNT, "kam.account.created.v1", id, 1, "{}");
    Api.viewer().when().get("/api/v1/accounts/{id}/kpis", id).then().statusCode(404);
  }
}
