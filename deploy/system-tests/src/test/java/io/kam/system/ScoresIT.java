package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's scoring reads through the gateway on the real system: an account created with a team
 * is "mine" for its team member, explained and fresh-flagged, in the batch read, the stale list and
 * the portfolio summary.
 */
class ScoresIT {

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  private RequestSpecification as(String user, String... roles) {
    return given()
        .baseUri(sut.gatewayUrl())
        .header("Authorization", "Bearer " + sut.token(user, roles));
  }

  @Test
  void aTeamMembersAccountIsMineExplainedAndInTheSummaryAndTheStaleList() {
    String owner = "kam-" + UUID.randomUUID();
    String member = "se-" + UUID.randomUUID();
    String id =
        as("mia-manager", "kam-manager")
            .contentType("application/json")
            .body(
                "{\"name\":\"Scores AG "
                    + UUID.randomUUID()
                    + "\",\"ownerId\":\""
                    + owner
                    + "\",\"team\":[{\"userId\":\""
                    + member
                    + "\",\"role\":\"SOLUTION_ENGINEER\"}],\"country\":\"DE\","
                    + "\"industry\":\"MANUFACTURING\",\"potentialAnnualSpend\":250000}")
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> as(member, "kam").get("/api/v1/accounts/" + id + "/score").statusCode() == 200);

    as(member, "kam")
        .get("/api/v1/accounts/" + id + "/score")
        .then()
        .statusCode(200)
        .body("tierExplanation.reason", equalTo("COMPUTED"))
        .body("typeExplanation.type", notNullValue())
        // no revenue line yet: revenue is stale
        .body("freshness.stale", hasItem("REVENUE"));
    as(member, "kam")
        .queryParam("mine", "true")
        .get("/api/v1/scores")
        .then()
        .statusCode(200)
        .body("items.accountId", contains(id));
    as("vera-viewer", "viewer")
        .queryParam("accountIds", id + "," + UUID.randomUUID())
        .get("/api/v1/scores")
        .then()
        .statusCode(200)
        .body("items.accountId", contains(id));
    as("mia-manager", "kam-manager")
        .queryParam("ownerId", owner)
        .get("/api/v1/scores/stale")
        .then()
        .statusCode(200)
        .body("items.accountId", contains(id));
    as("vera-viewer", "viewer")
        .queryParam("ownerId", owner)
        .get("/api/v1/portfolio/summary")
        .then()
        .statusCode(200)
        .body("accounts", equalTo(1))
        .body("movements.enteredKey.count", equalTo(0));
  }
}
