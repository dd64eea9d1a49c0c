package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.as;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.createId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HistoryTest {

  private static void patch(String id, int version, String who, String body) {
    as(who, "kam-manager")
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"" + version + "\"")
        .body(body)
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(200);
  }

  @Test
  void recordsWhoWhenAndEachFieldFromAndToNewestFirst() {
    String id =
        createId(
            anAccount()
                .named("Hist")
                .with("relationshipStage", "TACTICAL")
                .withAssessment(2, 2, 2, 2));
    patch(id, 1, "mgr-mia", "{\"relationshipStage\":\"COOPERATIVE\"}");
    patch(id, 2, "mgr-max", "{\"assessment\":{\"fit\":4},\"name\":\"Hist 2\"}");

    asAdmin()
        .when()
        .get("/api/v1/accounts/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items[0].changedBy", equalTo("user:mgr-max"))
        .body("items[1].field", equalTo("name"))
        .body("items[1].from", equalTo("Hist"))
        .body("items[1].to", equalTo("Hist 2"))
        .body("items[0].field", equalTo("assessment.fit"))
        .body("items[0].from", equalTo(2))
        .body("items[0].to", equalTo(4))
        .body("items[2].changedBy", equalTo("user:mgr-mia"))
        .body("items[2].field", equalTo("relationshipStage"))
        .body("items[2].from", equalTo("TACTICAL"))
        .body("items[2].to", equalTo("COOPERATIVE"))
        .body("items[2].changedAt", notNullValue())
        .body("items[-1].changedBy", equalTo("user:admin-ada"))
        .body("items[-1].from", nullValue());
  }

  @Test
  void pagesThroughTheWholeTrail() {
    String id = createId(anAccount().named("v0"));
    for (int v = 1; v <= 5; v++) {
      patch(id, v, "mgr-max", "{\"name\":\"v" + v + "\"}");
    }
    List<Object> to = new ArrayList<>();
    String cursor = null;
    do {
      var r = asAdmin().queryParam("limit", 2);
      if (cursor != null) {
        r.queryParam("cursor", cursor);
      }
      JsonPath page =
          r.when()
              .get("/api/v1/accounts/" + id + "/history")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      page.getList("items").stream()
          .map(m -> (java.util.Map<?, ?>) m)
          .filter(m -> "name".equals(m.get("field")))
          .forEach(m -> to.add(m.get("to")));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertEquals(List.of("v5", "v4", "v3", "v2", "v1", "v0"), to);
  }

  @Test
  void aSyncUpdateIsRecordedWithThePartnerAndAnUnchangedOneIsNot() {
    String ext = "HS-" + UUID.randomUUID();
    var item =
        java.util.Map.of(
            "source", "crm", "externalId", ext, "name", "Synced", "lifecycle", "PROSPECT");
    String id =
        io.kam.account.testdata.Api.sync(as("crm-bridge", "integration"), item)
            .path("results[0].id");
    io.kam.account.testdata.Api.sync(as("crm-bridge", "integration"), item);
    io.kam.account.testdata.Api.sync(
        as("crm-bridge", "integration"),
        java.util.Map.of("source", "crm", "externalId", ext, "lifecycle", "CUSTOMER"));
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + id + "/history")
        .then()
        .body("items.field", contains("lifecycle", "lifecycle", "name", "externalId", "source"))
        .body("items[0].to", equalTo("CUSTOMER"))
        .body("items[0].changedBy", equalTo("user:crm-bridge"));
  }

  @Test
  void historyOfAnUnknownAccountIs404() {
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + UUID.randomUUID() + "/history")
        .then()
        .statusCode(404);
    asAdmin()
        .when()
        .get("/api/v1/accounts/xyz/history")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("id"));
    asAdmin()
        .queryParam("limit", 1)
        .when()
        .get("/api/v1/accounts/" + createId(anAccount()) + "/history")
        .then()
        .body("items", hasSize(1));
  }
}
