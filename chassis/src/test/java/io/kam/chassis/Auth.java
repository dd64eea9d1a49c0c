package io.kam.chassis;

import static io.restassured.RestAssured.given;

import io.kam.platform.TestAuth;
import io.restassured.specification.RequestSpecification;

/** Requests as a given caller, with the credential the gateway would pass. */
public final class Auth {

  private Auth() {}

  public static RequestSpecification as(String user, String... roles) {
    return given().header("Authorization", TestAuth.bearer(TestAuth.internal(user, roles)));
  }

  public static RequestSpecification asAdmin() {
    return as("admin-ada", "admin");
  }
}
