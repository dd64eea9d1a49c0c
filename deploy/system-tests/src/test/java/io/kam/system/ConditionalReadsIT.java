package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads revalidate through the gateway: the service's ETag and the client's If-None-Match pass the
 * proxy unchanged, an unchanged score answers 304 without a body, a changed one 200 with a new tag.
 */
class ConditionalReadsIT {

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  private RequestSpecification anna() {
    return given()
        .baseUri(sut.gatewayUrl())
        .header("Authorization", "Bearer " + sut.token("kam-anna", "kam"));
  }

  @Test
  void aScoreReadAnswers304UntilTheScoreChanges() {
    String id =
        anna()
            .contentType("application/json")
            .body(
                "{\"name\":\"Etag AG "
                    + UUID.randomUUID()
                    + "\",\"ownerId\":\"kam-anna\",\"country\":\"DE\",\"potentialAnnualSpend\":250000,"
                    + "\"assessment\":{\"strategicAlignment\":4,\"marketInfluence\":3,\"fit\":4,\"partnership\":3}}")
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String score = "/api/v1/accounts/" + id + "/score";
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> anna().get(score).statusCode() == 200);

    Response first = anna().get(score);
    String etag = first.header("ETag");
    assertNotNull(etag, "a score read carries an ETag");
    assertEquals("private, no-cache", first.header("Cache-Control"));

    Response again = anna().header("If-None-Match", etag).get(score);
    assertEquals(304, again.statusCode());
    assertEquals(etag, again.header("ETag"));
    assertEquals("", again.asString());

    Response account = anna().get("/api/v1/accounts/" + id);
    anna()
        .header("If-Match", account.header("ETag"))
        .contentType("application/merge-patch+json")
        .body(
            "{\"assessment\":{\"strategicAlignment\":1,\"marketInfluence\":1,\"fit\":1,\"partnership\":1}}")
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(200);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> anna().header("If-None-Match", etag).get(score).statusCode() == 200);
    assertNotEquals(etag, anna().get(score).header("ETag"));
  }
}
