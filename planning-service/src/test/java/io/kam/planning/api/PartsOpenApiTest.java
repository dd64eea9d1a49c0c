package io.kam.planning.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four part kinds share one resource class, yet each is documented as its own. */
@QuarkusTest
class PartsOpenApiTest {

  @ParameterizedTest
  @CsvSource({
    "objectives, ObjectiveRequest, ObjectiveView",
    "actions, ActionRequest, ActionView",
    "risks, RiskRequest, RiskView",
    "opportunities, OpportunityRequest, OpportunityView"
  })
  void documentsEachKindWithItsOwnSummariesSchemasParametersAndRoles(
      String kind, String request, String view) {
    JsonPath doc =
        given()
            .header("Authorization", "Bearer " + io.kam.platform.TestAuth.internal("kam-gateway"))
            .accept("application/json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String collection = "paths.'/api/v1/plans/{planId}/" + kind + "'";
    String single = "paths.'/api/v1/plans/{planId}/" + kind + "/{id}'";

    assertThat(
        doc.getString(collection + ".post.summary"),
        equalTo("Add one of the " + kind + " of a plan"));
    assertThat(
        doc.getString(single + ".patch.summary"),
        equalTo("Change one of the " + kind + " of a plan (merge patch, If-Match)"));
    assertThat(
        doc.getString(collection + ".post.requestBody.content.'application/json'.schema.'$ref'"),
        equalTo("#/components/schemas/" + request));
    assertThat(
        doc.getString(single + ".get.responses.'200'.content.'application/json'.schema.'$ref'"),
        equalTo("#/components/schemas/" + view));
    assertThat(
        doc.getString(collection + ".get.responses.'200'.content.'application/json'.schema.'$ref'"),
        equalTo("#/components/schemas/Items" + view));
    assertThat(
        doc.getList(single + ".delete.parameters.name"),
        containsInAnyOrder("planId", "id", "If-Match"));
    assertThat(
        doc.getList(single + ".delete.security[0].SecurityScheme"),
        containsInAnyOrder("kam", "kam-manager", "admin"));
    assertThat(doc.getList(collection + ".get.security[0].SecurityScheme"), hasItem("viewer"));
    assertThat(doc.getMap(single + ".get.responses"), hasKey("403"));
  }
}
