package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.createId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is a problem naming the field, and nothing is half-written. */
@QuarkusTest
class BadInputTest {

  private final String owner = "kam-" + UUID.randomUUID();

  private void rejected(Object body, int status, String field) {
    asAdmin()
        .body(body)
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field))
        .body("detail", not(containsString("Exception")));
  }

  private void nothingWritten() {
    asAdmin()
        .queryParam("ownerId", owner)
        .when()
        .get("/api/v1/accounts")
        .then()
        .body("items", hasSize(0));
  }

  @Test
  void wrongTypesAre400NamingTheField() {
    rejected(anAccount().ownedBy(owner).with("employees", "lots").build(), 400, "employees");
    rejected(anAccount().ownedBy(owner).with("assessment", "great").build(), 400, "assessment");
    rejected(
        anAccount().ownedBy(owner).with("potentialAnnualSpend", "a lot").build(),
        400,
        "potentialAnnualSpend");
    rejected(
        anAccount().ownedBy(owner).with("team", java.util.List.of("anna")).build(), 400, "team[0]");
    nothingWritten();
  }

  @Test
  void unknownEnumValuesAre400ListingTheValues() {
    asAdmin()
        .body(anAccount().ownedBy(owner).with("lifecycle", "ZOMBIE").build())
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("lifecycle"))
        .body("errors[0].message", containsString("PROSPECT"));
    rejected(
        anAccount().ownedBy(owner).with("relationshipStage", "BESTIES").build(),
        400,
        "relationshipStage");
    nothingWritten();
  }

  @Test
  void outOfRangeValuesAre422() {
    rejected(
        anAccount().ownedBy(owner).withAssessment(0, 6, 3, 3).build(),
        422,
        "assessment.strategicAlignment");
    rejected(
        anAccount().ownedBy(owner).withAssessment(0, 6, 3, 3).build(),
        422,
        "assessment.marketInfluence");
    rejected(
        anAccount().ownedBy(owner).with("potentialAnnualSpend", -1).build(),
        422,
        "potentialAnnualSpend");
    rejected(
        anAccount()
            .ownedBy(owner)
            .with("potentialAnnualSpend", new java.math.BigDecimal("1.23456"))
            .build(),
        422,
        "potentialAnnualSpend");
    rejected(anAccount().ownedBy(owner).with("employees", -5).build(), 422, "employees");
    rejected(anAccount().ownedBy(owner).with("name", " ").build(), 422, "name");
    rejected(
        anAccount().ownedBy(owner).withTeamMember("", "SPONSOR").build(), 422, "team[0].userId");
    nothingWritten();
  }

  @Test
  void invalidCountryCodesAre422() {
    rejected(anAccount().ownedBy(owner).with("country", "XX").build(), 422, "country");
    rejected(anAccount().ownedBy(owner).with("country", "de").build(), 422, "country");
    rejected(anAccount().ownedBy(owner).with("country", "DEU").build(), 422, "country");
    nothingWritten();
  }

  @Test
  void malformedUuidsInPathAndBodyAre400() {
    asAdmin()
        .when()
        .get("/api/v1/accounts/not-a-uuid")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("id"));
    asAdmin().when().get("/api/v1/accounts/not-a-uuid/hierarchy").then().statusCode(400);
    rejected(anAccount().ownedBy(owner).withParent("12345").build(), 400, "parentId");
    nothingWritten();
  }

  @Test
  void anUnknownParentIs422AndNothingIsWritten() {
    rejected(
        anAccount().ownedBy(owner).withParent(UUID.randomUUID().toString()).build(),
        422,
        "parentId");
    nothingWritten();
  }

  @Test
  void aFailedPatchLeavesTheAccountAsItWas() {
    String id = createId(anAccount().ownedBy(owner).named("Stable"));
    int trail =
        asAdmin()
            .when()
            .get("/api/v1/accounts/" + id + "/history")
            .then()
            .extract()
            .path("items.size()");
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("{\"name\":\"Changed\",\"country\":\"ZZ\"}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("country"));
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("{\"name\":\"Changed\",\"employees\":\"x\"}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("employees"));
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("{\"name\":\"Changed\",\"parentId\":\"" + UUID.randomUUID() + "\"}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("parentId"));
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + id)
        .then()
        .body("name", equalTo("Stable"))
        .body("version", equalTo(1));
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + id + "/history")
        .then()
        .body("items", hasSize(trail));
  }

  @Test
  void malformedJsonIs400AndAWrongMediaTypeIs415() {
    asAdmin()
        .body("{\"name\": ")
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asAdmin()
        .contentType("text/plain")
        .body("name")
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(415);
    String id = createId(anAccount().ownedBy(owner));
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("[1]")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(400);
  }

  @Test
  void anOversizeBodyIs413() throws Exception {
    String huge =
        "{\"name\":\"" + "x".repeat(9 * 1024 * 1024) + "\", \"ownerId\":\"" + owner + "\"}";
    // Expect: 100-continue lets the server refuse by Content-Length before the body is sent.
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/accounts"))
            .header("Authorization", "Bearer " + TestAuth.internal("admin-ada", "admin"))
            .header("Content-Type", "application/json")
            .expectContinue(true)
            .POST(HttpRequest.BodyPublishers.ofString(huge))
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, response.statusCode());
    nothingWritten();
  }
}
