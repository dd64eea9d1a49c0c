package io.kam.chassis.input;

import static io.kam.chassis.Auth.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Input PostgreSQL could not store, or a client did not mean, is a 400 naming the field. */
@QuarkusTest
class HostileInputTest {

  private static void post400(String body, String field, String message) {
    asAdmin()
        .contentType("application/json")
        .body(body)
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field))
        .body("errors[0].message", containsString(message))
        .body("detail", not(containsString("com.fasterxml")));
  }

  @Test
  void nulInABodyStringIs400NamingTheField() {
    post400("{\"name\":\"a\\u0000b\"}", "name", "cannot be stored");
  }

  @Test
  void nulInANestedStringIs400NamingItsPath() {
    post400(
        "{\"name\":\"a\",\"parts\":[{\"sku\":\"ok\"},{\"sku\":\"\\u0000\"}]}",
        "parts[1].sku",
        "cannot be stored");
  }

  @Test
  void unpairedSurrogateIs400() {
    post400("{\"name\":\"a\\ud800b\"}", "name", "cannot be stored");
  }

  @Test
  void unknownFieldIs400NamingIt() {
    post400("{\"name\":\"a\",\"contry\":\"DE\"}", "contry", "unknown field");
  }

  @Test
  void stringOverTheGlobalBoundIs400() {
    post400(
        "{\"name\":\"" + "x".repeat(InputRules.MAX_STRING_LENGTH + 1) + "\"}", "name", "at most");
  }

  @Test
  void stringOverItsOwnMaxLengthIs400NamingIt() {
    post400("{\"name\":\"" + "x".repeat(201) + "\"}", "name", "");
    asAdmin()
        .contentType("application/json")
        .body("{\"name\":\"" + "x".repeat(200) + "\"}")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(201);
  }

  @Test
  void arrayOverTheGlobalBoundIs400() {
    String parts = "{\"sku\":\"a\"},".repeat(InputRules.MAX_ITEMS) + "{\"sku\":\"a\"}";
    post400("{\"name\":\"a\",\"parts\":[" + parts + "]}", "parts", "at most");
  }

  @Test
  void dateBeyondYear9999Is400NamingTheField() {
    post400("{\"name\":\"a\",\"due\":\"+999999999-12-31\"}", "due", "");
    post400("{\"name\":\"a\",\"due\":\"+10000-01-01\"}", "due", "");
    post400("{\"name\":\"a\",\"due\":\"0000-12-31\"}", "due", "between the years");
  }

  @Test
  void trailingGarbageAfterTheBodyIs400() {
    asAdmin()
        .contentType("application/json")
        .body("{\"name\":\"a\"} {}")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void nulInAQueryParameterIs400NamingIt() {
    asAdmin()
        .urlEncodingEnabled(false)
        .when()
        .get("/api/v1/widgets?cursor=a%00b")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("cursor"))
        .body("errors[0].message", containsString("cannot be stored"));
  }

  @Test
  void overlongQueryParameterIs400() {
    asAdmin()
        .when()
        .get("/api/v1/widgets?cursor=" + "c".repeat(InputRules.MAX_PARAM_LENGTH + 1))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void blankPathIdIs400() {
    asAdmin()
        .urlEncodingEnabled(false)
        .when()
        .get("/api/v1/widgets/%20")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(400, 404))
        .contentType("application/problem+json");
  }

  @Test
  void theDocumentBoundsStringsIntegersAndArraysAndClosesRequestBodies() {
    asAdmin()
        .accept("application/json")
        .when()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("components.schemas.WidgetRequest.additionalProperties", equalTo(false))
        .body(
            "components.schemas.WidgetRequest.properties.parts.maxItems",
            equalTo(InputRules.MAX_ITEMS))
        .body("components.schemas.WidgetRequest.properties.rating.maximum", equalTo(5))
        .body(
            "components.schemas.Part.properties.sku.maxLength",
            equalTo(InputRules.MAX_STRING_LENGTH));
  }
}
