package io.kam.planning.testdata;

import static io.restassured.RestAssured.given;

import io.kam.platform.TestAuth;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Calls as a given user through the gateway's credential, and the few steps most tests share. */
public final class Api {

  public static final String MANAGER = "mgr-maria";

  /** Reads JSON numbers as BigDecimal, to compare exact decimals. */
  public static final RestAssuredConfig DECIMALS =
      RestAssuredConfig.config()
          .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));

  private Api() {}

  public static RequestSpecification as(String userId, String... roles) {
    return given()
        .header("Authorization", "Bearer " + TestAuth.internal(userId, roles))
        .contentType(ContentType.JSON);
  }

  public static RequestSpecification asManager() {
    return as(MANAGER, "kam-manager");
  }

  /** Creates a DRAFT plan as a manager and returns its id. */
  public static UUID draftPlan(UUID accountId) {
    return UUID.fromString(
        asManager()
            .body(APlan.aPlan().forAccount(accountId).body())
            .post("/api/v1/plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
  }

  /** Creates and activates a plan; returns its id. */
  public static UUID activePlan(UUID accountId) {
    UUID id = draftPlan(accountId);
    transition(id, "activate").then().statusCode(200);
    return id;
  }

  public static Response transition(UUID planId, String action) {
    return asManager().post("/api/v1/plans/" + planId + "/" + action);
  }

  public static Response plan(UUID planId) {
    return asManager().get("/api/v1/plans/" + planId);
  }

  public static String status(UUID planId) {
    return plan(planId).then().statusCode(200).extract().path("status");
  }

  /**
   * Adds a part (objectives, actions, risks, opportunities) as a manager; returns the created part.
   */
  public static Response addPart(UUID planId, String kind, Map<String, Object> body) {
    return asManager().body(body).post("/api/v1/plans/" + planId + "/" + kind);
  }
}
