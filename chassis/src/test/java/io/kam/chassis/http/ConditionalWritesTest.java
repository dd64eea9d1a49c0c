package io.kam.chassis.http;

import static io.kam.chassis.Auth.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConditionalWritesTest {

  private Response create(String name) {
    return asAdmin()
        .contentType("application/json")
        .body("{\"name\":\"" + name + "\",\"rating\":3,\"color\":\"RED\"}")
        .when()
        .post("/api/v1/widgets")
        .then()
        .statusCode(201)
        .extract()
        .response();
  }

  @Test
  void createReturns201WithLocationAndETag() {
    Response r = create("first");
    String id = r.path("id");
    org.junit.jupiter.api.Assertions.assertTrue(
        r.header("Location").endsWith("/api/v1/widgets/" + id));
    asAdmin()
        .when()
        .get("/api/v1/widgets/" + id)
        .then()
        .statusCode(200)
        .header("ETag", r.header("ETag"));
  }

  @Test
  void returns428WhenIfMatchIsMissing() {
    String id = create("w").path("id");
    asAdmin()
        .contentType("application/json")
        .body("{\"name\":\"x\"}")
        .when()
        .put("/api/v1/widgets/" + id)
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
  }

  @Test
  void returns412WhenIfMatchIsStaleAndKeepsTheStoredValue() {
    Response r = create("w");
    String id = r.path("id");
    String etag = r.header("ETag");
    asAdmin()
        .header("If-Match", etag)
        .contentType("application/json")
        .body("{\"name\":\"one\"}")
        .when()
        .put("/api/v1/widgets/" + id)
        .then()
        .statusCode(200);
    asAdmin()
        .header("If-Match", etag)
        .contentType("application/json")
        .body("{\"name\":\"two\"}")
        .when()
        .put("/api/v1/widgets/" + id)
        .then()
        .statusCode(412);
    asAdmin().when().get("/api/v1/widgets/" + id).then().body("name", equalTo("one"));
  }

  @Test
  void mergePatchChangesOnlyWhatItNamesAndNullClears() {
    Response r = create("patchme");
    String id = r.path("id");
    asAdmin()
        .header("If-Match", r.header("ETag"))
        .contentType("application/merge-patch+json")
        .body("{\"rating\":5,\"color\":null}")
        .when()
        .patch("/api/v1/widgets/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("patchme"))
        .body("rating", equalTo(5))
        .body("color", nullValue());
  }

  @Test
  void mergePatchIsValidatedLikeAReplace() {
    Response r = create("strict");
    asAdmin()
        .header("If-Match", r.header("ETag"))
        .contentType("application/merge-patch+json")
        .body("{\"rating\":42}")
        .when()
        .patch("/api/v1/widgets/" + r.path("id"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("rating"));
  }
}
