package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.platform.TestKafka;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An account created through the gateway with a user's JWT is published by account-service and
 * recorded in the read models of scoring, kpi and planning, each seen through its own API.
 */
class EventsFlowIT {

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
  void anAccountCreatedThroughTheGatewayReachesEveryReadModel() {
    String id =
        as("kam-anna", "kam")
            .contentType("application/json")
            .body(
                "{\"name\":\"Flow GmbH "
                    + UUID.randomUUID()
                    + "\",\"ownerId\":\"kam-anna\",\"country\":\"DE\","
                    + "\"industry\":\"MANUFACTURING\",\"potentialAnnualSpend\":250000,"
                    + "\"assessment\":{\"strategicAlignment\":4,\"marketInfluence\":3,\"fit\":4,\"partnership\":3}}")
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    var published =
        TestKafka.readUntil(
            "kam.account.events",
            rs -> rs.stream().anyMatch(r -> id.equals(r.key())),
            Duration.ofSeconds(60));
    var created = published.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
    assertEquals(true, created.value().contains("\"type\":\"kam.account.created.v1\""));

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                as("kam-anna", "kam").get("/api/v1/accounts/" + id + "/kpis").statusCode() == 200);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                as("kam-anna", "kam").get("/api/v1/accounts/" + id + "/score").statusCode() == 200);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                as("kam-anna", "kam")
                        .contentType("application/json")
                        .body(
                            "{\"accountId\":\""
                                + id
                                + "\",\"title\":\"Flow plan\","
                                + "\"period\":{\"start\":\"2026-10-01\",\"end\":\"2027-09-30\"}}")
                        .post("/api/v1/plans")
                        .statusCode()
                    == 201);
  }
}
