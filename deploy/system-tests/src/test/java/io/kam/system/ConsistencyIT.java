package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes across services: a write answers KAM-Consistency-Token, and the gateway says
 * when every consumer (scoring, kpi, planning) has applied it.
 */
class ConsistencyIT {

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
  void anAccountWriteIsConsistentOnceEveryConsumerHasAppliedIt() {
    Response created =
        as("kam-anna", "kam")
            .contentType("application/json")
            .body("{\"name\":\"Consistent " + UUID.randomUUID() + "\",\"ownerId\":\"kam-anna\"}")
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .header("KAM-Consistency-Token", notNullValue())
            .extract()
            .response();
    String token = created.header("KAM-Consistency-Token");
    as("kam-anna", "kam")
        .queryParam("write", token)
        .queryParam("wait", "30s")
        .get("/api/v1/consistency")
        .then()
        .statusCode(200)
        .body("consistent", equalTo(true))
        .body("services.find { it.service == 'scoring' }.consumes", equalTo(true))
        .body("services.find { it.service == 'scoring' }.applied", equalTo(true))
        .body("services.find { it.service == 'planning' }.applied", equalTo(true))
        .body("services.find { it.service == 'kpi' }.applied", equalTo(true))
        .body("services.find { it.service == 'account' }.consumes", equalTo(false));
  }

  @Test
  void aMalformedTokenOrWaitIs400() {
    as("kam-anna", "kam")
        .queryParam("write", "nonsense!")
        .get("/api/v1/consistency")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
