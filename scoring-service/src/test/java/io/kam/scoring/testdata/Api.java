package io.kam.scoring.testdata;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.kam.platform.TestAuth;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/** HTTP calls as the gateway makes them, decimals read exactly. */
public final class Api {

  private static final RestAssuredConfig EXACT =
      RestAssuredConfig.config()
          .jsonConfig(
              JsonConfig.jsonConfig()
                  .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

  private Api() {}

  public static RequestSpecification as(String user, String... roles) {
    return given()
        .config(EXACT)
        .header("Authorization", "Bearer " + TestAuth.internal(user, roles));
  }

  public static RequestSpecification viewer() {
    return as("vera-viewer", "viewer");
  }

  public static RequestSpecification manager() {
    return as("mia-manager", "kam-manager");
  }

  public static ValidatableResponse score(UUID accountId) {
    return viewer().get("/api/v1/accounts/{id}/score", accountId).then();
  }

  /** Waits until the account's score satisfies {@code done} (events are asynchronous). */
  public static ValidatableResponse awaitScore(
      UUID accountId, Predicate<ValidatableResponse> done) {
    ValidatableResponse[] last = new ValidatableResponse[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last[0] = score(accountId);
              return last[0].extract().statusCode() == 200 && done.test(last[0]);
            });
    return last[0];
  }

  public static ValidatableResponse awaitScore(UUID accountId, String score) {
    return awaitScore(
        accountId,
        r -> {
          Object s = r.extract().path("score");
          return s != null && new BigDecimal(s.toString()).compareTo(new BigDecimal(score)) == 0;
        });
  }

  public static int historySize(UUID accountId) {
    return viewer()
        .queryParam("limit", 500)
        .get("/api/v1/accounts/{id}/score/history", accountId)
        .then()
        .statusCode(200)
        .extract()
        .path("items.size()");
  }
}
