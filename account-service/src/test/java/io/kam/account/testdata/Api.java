package io.kam.account.testdata;

import static io.restassured.RestAssured.given;

import io.kam.platform.TestAuth;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Calls as a given user with given roles, and short-hands for the common set-up steps. */
public final class Api {

  private Api() {}

  public static RequestSpecification as(String userId, String... roles) {
    return given()
        .header("Authorization", "Bearer " + TestAuth.internal(userId, roles))
        .contentType("application/json");
  }

  /**
   * A partner's call: the gateway names the API key in the credential, so origin is "api-key:NAME".
   */
  public static RequestSpecification asApiKey(String keyName, String... roles) {
    io.kam.platform.PlatformKeys keys =
        io.kam.platform.PlatformKeys.inDirectory(
            java.nio.file.Path.of(System.getProperty("kam.test.keys.dir")));
    String token =
        io.kam.platform.Tokens.sign(
            keys.internal().getPrivate(),
            io.kam.platform.Tokens.INTERNAL_ISSUER,
            io.kam.platform.Tokens.INTERNAL_AUDIENCE,
            "key-" + keyName,
            java.time.Duration.ofMinutes(10),
            java.util.List.of(roles),
            Map.of("kam_key", keyName));
    return given().header("Authorization", "Bearer " + token).contentType("application/json");
  }

  public static RequestSpecification asAdmin() {
    return as("admin-ada", "admin");
  }

  public static RequestSpecification asManager() {
    return as("mgr-max", "kam-manager");
  }

  /** Creates the account as an admin and returns the stored representation. */
  public static ExtractableResponse<Response> create(AccountBuilder account) {
    return create(asAdmin(), account);
  }

  public static ExtractableResponse<Response> create(
      RequestSpecification who, AccountBuilder account) {
    return who.body(account.build())
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(201)
        .extract();
  }

  public static String createId(AccountBuilder account) {
    return create(account).path("id");
  }

  public static String etagOf(String accountId) {
    return asAdmin()
        .when()
        .get("/api/v1/accounts/" + accountId)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  public static ExtractableResponse<Response> sync(RequestSpecification who, Object... items) {
    return who.body(Map.of("items", java.util.List.of(items)))
        .when()
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(200)
        .extract();
  }
}
