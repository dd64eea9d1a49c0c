package io.kam.scoring.api;

import static io.kam.scoring.testdata.AccountEvent.anAccount;
import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.manager;
import static io.kam.scoring.testdata.Api.viewer;
import static io.kam.scoring.testdata.Scenarios.scoring;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.kam.scoring.testdata.AccountEvent;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /scores: the ranked portfolio with names and owners, filtered, sorted, keyset-paged. */
@QuarkusTest
class PortfolioTest {

  private String owner;
  private AccountEvent key;
  private AccountEvent developing;
  private AccountEvent standard;

  @BeforeEach
  void threeAccountsOfOneOwner() {
    owner = "kam-" + UUID.randomUUID();
    key = scored("Beta Corp", "75");
    developing = scored("Alpha Ltd", "66");
    standard = scored("Gamma AG", "40"); // NPS -20: NEGATIVE_NPS, risk MEDIUM
  }

  private AccountEvent scored(String name, String score) {
    AccountEvent a =
        anAccount().named(name).ownedBy(owner).assessment(null, null, null, null).create();
    scoring(a, score, 1).send();
    awaitScore(a.id(), score);
    return a;
  }

  private io.restassured.response.ValidatableResponse list(String... params) {
    var req = viewer().queryParam("ownerId", owner);
    for (int i = 0; i < params.length; i += 2) {
      req = req.queryParam(params[i], params[i + 1]);
    }
    return req.get("/api/v1/scores").then().statusCode(200);
  }

  @Test
  void ranksByScoreWithNameAndOwner() {
    list()
        .body(
            "items.accountId",
            contains(key.id().toString(), developing.id().toString(), standard.id().toString()))
        .body("items[0].name", equalTo("Beta Corp"))
        .body("items[0].ownerId", equalTo(owner))
        .body("items[0].tier", equalTo("KEY"))
        .body("items[0].designation", nullValue())
        .body("nextCursor", nullValue());
    list("sort", "score").body("items.name", contains("Gamma AG", "Alpha Ltd", "Beta Corp"));
    list("sort", "name").body("items.name", contains("Alpha Ltd", "Beta Corp", "Gamma AG"));
  }

  @Test
  void filtersByEffectiveTierTypeRiskAndUpdatedSince() {
    list("tier", "KEY").body("items.name", contains("Beta Corp"));
    list("risk", "MEDIUM").body("items.name", contains("Gamma AG"));
    // value is the known revenue's points (kpi always publishes a revenue): high from 50 up
    list("type", "TACTICAL").body("items.name", contains("Gamma AG"));
    list("type", "STABLE").body("items.size()", equalTo(2));
    list("type", "STRATEGIC").body("items", empty());
    list("updatedSince", "2026-11-23T10:00:00Z").body("items.size()", equalTo(3));
    list("updatedSince", "2026-11-23T10:00:01Z").body("items", empty());

    manager()
        .contentType("application/json")
        .body("{\"tier\":\"KEY\",\"reason\":\"pilot\"}")
        .put("/api/v1/accounts/{id}/designation", developing.id())
        .then()
        .statusCode(200);
    list("tier", "KEY").body("items.name", contains("Beta Corp", "Alpha Ltd"));
    list("tier", "DEVELOPING").body("items", empty());
  }

  @Test
  void pagesWithAnOpaqueCursorInEverySortOrder() {
    for (String sort : List.of("-score", "score", "name")) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      do {
        var req =
            viewer().queryParam("ownerId", owner).queryParam("sort", sort).queryParam("limit", 1);
        if (cursor != null) {
          req = req.queryParam("cursor", cursor);
        }
        var page = req.get("/api/v1/scores").then().statusCode(200).extract();
        seen.addAll(page.path("items.name"));
        cursor = page.path("nextCursor");
      } while (cursor != null);
      List<String> all = list("sort", sort).extract().path("items.name");
      org.junit.jupiter.api.Assertions.assertEquals(all, seen, sort);
    }
  }

  @Test
  void rejectsBadParametersWith400() {
    viewer()
        .queryParam("sort", "-name")
        .get("/api/v1/scores")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("sort"));
    viewer()
        .queryParam("tier", "GOLD")
        .get("/api/v1/scores")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("tier"));
    viewer().queryParam("updatedSince", "yesterday").get("/api/v1/scores").then().statusCode(400);
    viewer().queryParam("limit", 0).get("/api/v1/scores").then().statusCode(400);
    viewer().queryParam("cursor", "forged.cursor").get("/api/v1/scores").then().statusCode(400);
    String byName = list("sort", "name", "limit", "1").extract().path("nextCursor");
    viewer().queryParam("cursor", byName).get("/api/v1/scores").then().statusCode(400);
  }
}
