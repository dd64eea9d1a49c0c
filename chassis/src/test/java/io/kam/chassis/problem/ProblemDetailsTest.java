package io.kam.chassis.problem;

import static io.kam.chassis.Auth.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {

  @Test
  void malformedJsonIs400Problem() {
    asAdmin()
        .contentType("application/json")
        .body("{\"name\": ")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("title", equalTo("Malformed request"))
        .body("detail", not(containsString("com.fasterxml")));
  }

  @Test
  void wrongTypeIs400NamingTheField() {
    asAdmin()
        .contentType("application/json")
        .body("{\"name\":\"a\",\"rating\":\"five\"}")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("rating"));
  }

  @Test
  void unknownEnumValueIs400ListingTheValues() {
    asAdmin()
        .contentType("application/json")
        .body("{\"name\":\"a\",\"color\":\"BLUE\"}")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("color"))
        .body("errors[0].message", containsString("RED"));
  }

  @Test
  void beanValidationIs422WithPropertyNamesNotMethodPaths() {
    asAdmin()
        .contentType("application/json")
        .body("{\"name\":\"\",\"rating\":9,\"parts\":[{\"sku\":\"ok\"},{\"sku\":\"\"}]}")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("rating"))
        .body("errors.field", hasItem("parts[1].sku"))
        .body("errors.field", not(hasItem(containsString("create"))));
  }

  @Test
  void missingBodyIs422() {
    asAdmin()
        .contentType("application/json")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
  }

  @Test
  void badUuidInPathIs404Or400NeverA500() {
    asAdmin()
        .when()
        .get("/api/v1/widgets/not-a-uuid")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(400, 404))
        .contentType("application/problem+json");
  }

  @Test
  void wrongMethodIs405AndWrongMediaTypeIs415() {
    asAdmin()
        .when()
        .delete("/api/v1/widgets")
        .then()
        .statusCode(405)
        .contentType("application/problem+json");
    asAdmin()
        .contentType("text/plain")
        .body("x")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void unknownRouteIs404Problem() {
    asAdmin()
        .when()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .body("instance", equalTo("/api/v1/nothing-here"))
        .body("errors", nullValue());
  }
}
