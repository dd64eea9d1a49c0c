package io.kam.planning.api;

import static io.kam.planning.testdata.APlan.aPlan;
import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.as;
import static io.kam.planning.testdata.Api.draftPlan;
import static io.restassured.RestAssured.given;

import io.kam.planning.testdata.AnAccount;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class AuthorizationTest {

  private static final Map<String, Object> RISK =
      Map.of("description", "d", "likelihood", 2, "impact", 3);

  @Test
  void aKamWritesPlansOfAccountsItOwns() {
    AnAccount account = anAccount().ownedBy("kam-own-" + UUID.randomUUID()).create();
    String plan =
        as(account.ownerId(), "kam")
            .body(aPlan().forAccount(account.id()).body())
            .post("/api/v1/plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(account.ownerId(), "kam")
        .body(RISK)
        .post("/api/v1/plans/" + plan + "/risks")
        .then()
        .statusCode(201);
    as(account.ownerId(), "kam").post("/api/v1/plans/" + plan + "/activate").then().statusCode(200);
  }

  @Test
  void aKamWritesPlansOfAccountsWhoseTeamItIsOn() {
    String member = "kam-team-" + UUID.randomUUID();
    AnAccount account = anAccount().withTeamMember(member).create();
    String plan =
        as(member, "kam")
            .body(aPlan().forAccount(account.id()).body())
            .post("/api/v1/plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(member, "kam")
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body(Map.of("title", "ours"))
        .patch("/api/v1/plans/" + plan)
        .then()
        .statusCode(200);
  }

  @Test
  void aKamMayNotWritePlansOfOtherAccountsButReadsThem() {
    AnAccount account = anAccount().create();
    UUID plan = draftPlan(account.id());
    String stranger = "kam-stranger-" + UUID.randomUUID();
    as(stranger, "kam")
        .body(aPlan().forAccount(account.id()).body())
        .post("/api/v1/plans")
        .then()
        .statusCode(403);
    as(stranger, "kam").post("/api/v1/plans/" + plan + "/activate").then().statusCode(403);
    as(stranger, "kam")
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body(Map.of("title", "mine"))
        .patch("/api/v1/plans/" + plan)
        .then()
        .statusCode(403);
    as(stranger, "kam").body(RISK).post("/api/v1/plans/" + plan + "/risks").then().statusCode(403);
    as(stranger, "kam")
        .header("If-Match", "\"0\"")
        .delete("/api/v1/plans/" + plan)
        .then()
        .statusCode(403);
    as(stranger, "kam").get("/api/v1/plans/" + plan).then().statusCode(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kam-manager", "admin"})
  void managersAndAdminsWriteEveryPlan(String role) {
    AnAccount account = anAccount().create();
    String plan =
        as("boss-" + UUID.randomUUID(), role)
            .body(aPlan().forAccount(account.id()).body())
            .post("/api/v1/plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("boss", role).body(RISK).post("/api/v1/plans/" + plan + "/risks").then().statusCode(201);
    as("boss", role).post("/api/v1/plans/" + plan + "/activate").then().statusCode(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"viewer", "integration"})
  void viewersAndIntegrationsReadButNeverWrite(String role) {
    AnAccount account = anAccount().create();
    UUID plan = draftPlan(account.id());
    as("reader", role).get("/api/v1/plans/" + plan).then().statusCode(200);
    as("reader", role).get("/api/v1/plans?accountId=" + account.id()).then().statusCode(200);
    as("reader", role).get("/api/v1/plans/" + plan + "/risks").then().statusCode(200);
    as("reader", role).get("/api/v1/plans/" + plan + "/reviews").then().statusCode(200);
    as("reader", role).get("/api/v1/actions").then().statusCode(200);
    as("reader", role)
        .body(aPlan().forAccount(account.id()).body())
        .post("/api/v1/plans")
        .then()
        .statusCode(403);
    as("reader", role).post("/api/v1/plans/" + plan + "/activate").then().statusCode(403);
    as("reader", role).body(RISK).post("/api/v1/plans/" + plan + "/risks").then().statusCode(403);
    as("reader", role)
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"0\"")
        .body(Map.of("title", "x"))
        .patch("/api/v1/plans/" + plan)
        .then()
        .statusCode(403);
  }

  @Test
  void refusesCallsWithoutTheGatewayCredential() {
    given().get("/api/v1/plans").then().statusCode(401);
    given()
        .header("Authorization", "Bearer not-a-token")
        .get("/api/v1/actions")
        .then()
        .statusCode(401);
  }
}
