package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.as;
import static io.kam.account.testdata.Api.createId;
import static io.kam.account.testdata.Api.etagOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthorizationTest {

  private static RequestSpecification kam() {
    return as("kam-kai", "kam");
  }

  private static void put(RequestSpecification who, String id, int status) {
    who.header("If-Match", etagOf(id))
        .body(anAccount().ownedBy("kam-kai").build())
        .when()
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(status);
  }

  private static void patch(RequestSpecification who, String id, int status) {
    who.contentType("application/merge-patch+json")
        .header("If-Match", etagOf(id))
        .body("{\"region\":\"NA\"}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(status);
  }

  private static void delete(RequestSpecification who, String id, int status) {
    who.header("If-Match", etagOf(id))
        .when()
        .delete("/api/v1/accounts/" + id)
        .then()
        .statusCode(status);
  }

  @Test
  void withoutCredentialsEverythingIs401() {
    given()
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .contentType("application/json")
        .body("{}")
        .when()
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(401);
  }

  @Test
  void aViewerReadsButWritesNothing() {
    String id = createId(anAccount());
    var viewer = as("viewer-vi", "viewer");
    viewer.when().get("/api/v1/accounts/" + id).then().statusCode(200);
    as("viewer-vi", "viewer").when().get("/api/v1/accounts").then().statusCode(200);
    as("viewer-vi", "viewer")
        .when()
        .get("/api/v1/accounts/" + id + "/history")
        .then()
        .statusCode(200);
    as("viewer-vi", "viewer")
        .when()
        .get("/api/v1/accounts/" + id + "/hierarchy")
        .then()
        .statusCode(200);
    as("viewer-vi", "viewer")
        .body(anAccount().build())
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(403);
    put(as("viewer-vi", "viewer"), id, 403);
    patch(as("viewer-vi", "viewer"), id, 403);
    delete(as("viewer-vi", "viewer"), id, 403);
  }

  @Test
  void aKamCreatesAccountsOwnedByItselfAndWritesThem() {
    String id =
        kam()
            .body(anAccount().without("ownerId").build())
            .when()
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .body("ownerId", equalTo("kam-kai"))
            .extract()
            .path("id");
    put(kam(), id, 200);
    patch(kam(), id, 200);
    delete(kam(), id, 204);
  }

  @Test
  void aKamWritesAccountsWhoseTeamItIsOn() {
    String id =
        createId(anAccount().ownedBy("kam-other").withTeamMember("kam-kai", "EXECUTIVE_SPONSOR"));
    patch(kam(), id, 200);
  }

  @Test
  void aKamCannotWriteOthersAccounts() {
    String id = createId(anAccount().ownedBy("kam-other"));
    kam().when().get("/api/v1/accounts/" + id).then().statusCode(200);
    put(kam(), id, 403);
    patch(kam(), id, 403);
    delete(kam(), id, 403);
  }

  @Test
  void managersAndAdminsWriteEveryAccount() {
    String a = createId(anAccount().ownedBy("kam-other"));
    patch(as("mgr-max", "kam-manager"), a, 200);
    put(as("admin-ada", "admin"), a, 200);
    delete(as("mgr-max", "kam-manager"), a, 204);
  }

  @Test
  void integrationReadsAndSyncsButDoesNotUseTheSingleWritePaths() {
    String id = createId(anAccount());
    as("crm", "integration").when().get("/api/v1/accounts/" + id).then().statusCode(200);
    as("crm", "integration")
        .body(anAccount().build())
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(403);
    patch(as("crm", "integration"), id, 403);
    as("crm", "integration").when().get("/api/v1/sync/accounts/changes").then().statusCode(200);
  }
}
