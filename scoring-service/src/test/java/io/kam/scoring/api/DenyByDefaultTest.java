package io.kam.scoring.api;

import static io.kam.scoring.testdata.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DenyByDefaultTest {

  @Test
  void aCallerWithoutARoleReadsNothing() {
    UUID account = UUID.randomUUID();
    as("no-role-nora").get("/api/v1/scores").then().statusCode(403);
    as("no-role-nora").get("/api/v1/accounts/{id}/score", account).then().statusCode(403);
    as("no-role-nora").get("/api/v1/accounts/{id}/score/history", account).then().statusCode(403);
    as("no-role-nora").get("/api/v1/accounts/{id}/score/diff", account).then().statusCode(403);
    as("no-role-nora").get("/api/v1/scoring-models").then().statusCode(403);
    as("no-role-nora").get("/api/v1/scoring-models/{id}", UUID.randomUUID()).then().statusCode(403);
  }

  @Test
  void everyRoleStillReadsScoresAndModels() {
    for (String role : new String[] {"viewer", "kam", "kam-manager", "integration", "admin"}) {
      as("reader", role).get("/api/v1/scores").then().statusCode(200);
      as("reader", role).get("/api/v1/scoring-models").then().statusCode(200);
    }
  }
}
