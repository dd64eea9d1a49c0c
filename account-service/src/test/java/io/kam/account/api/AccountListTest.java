package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.create;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
class AccountListTest {

  private final String owner = "kam-" + UUID.randomUUID();

  private JsonPath page(String sort, String cursor, int limit) {
    var r = asAdmin().queryParam("ownerId", owner).queryParam("limit", limit);
    if (sort != null) {
      r.queryParam("sort", sort);
    }
    if (cursor != null) {
      r.queryParam("cursor", cursor);
    }
    return r.when().get("/api/v1/accounts").then().statusCode(200).extract().jsonPath();
  }

  private List<String> all(String sort, int limit) {
    List<String> names = new ArrayList<>();
    String cursor = null;
    do {
      JsonPath p = page(sort, cursor, limit);
      names.addAll(p.getList("items.name"));
      cursor = p.getString("nextCursor");
    } while (cursor != null);
    return names;
  }

  @Test
  void pagesThroughEveryAccountByNameWithoutGapsOrDuplicates() {
    for (String n : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
      create(anAccount().named(n).ownedBy(owner));
    }
    assertEquals(List.of("alpha", "bravo", "charlie", "delta", "echo"), all(null, 2));
    assertEquals(List.of("echo", "delta", "charlie", "bravo", "alpha"), all("-name", 2));
  }

  @Test
  void sortsByCreationAndUpdateTimeBothWays() {
    for (String n : List.of("first", "second", "third")) {
      create(anAccount().named(n).ownedBy(owner));
    }
    assertEquals(List.of("first", "second", "third"), all("createdAt", 2));
    assertEquals(List.of("third", "second", "first"), all("-createdAt", 1));
    assertEquals(List.of("third", "second", "first"), all("-updatedAt", 2));
    assertEquals(List.of("first", "second", "third"), all("updatedAt", 5));
  }

  @Test
  void anInsertBetweenPagesNeitherRepeatsNorSkipsWhatFollows() {
    for (String n : List.of("b", "d", "f")) {
      create(anAccount().named(n).ownedBy(owner));
    }
    JsonPath first = page(null, null, 2);
    assertEquals(List.of("b", "d"), first.getList("items.name"));
    create(anAccount().named("a").ownedBy(owner));
    create(anAccount().named("e").ownedBy(owner));
    assertEquals(
        List.of("e", "f"), page(null, first.getString("nextCursor"), 5).getList("items.name"));
  }

  @Test
  void qMatchesNamesIgnoringCaseAndAccents() {
    create(anAccount().named("Société Générale Test").ownedBy(owner));
    create(anAccount().named("SOCIETE Anonyme").ownedBy(owner));
    create(anAccount().named("Other 100%").ownedBy(owner));
    asAdmin()
        .queryParam("ownerId", owner)
        .queryParam("q", "société")
        .when()
        .get("/api/v1/accounts")
        .then()
        .body("items.name", containsInAnyOrder("Société Générale Test", "SOCIETE Anonyme"));
    asAdmin()
        .queryParam("ownerId", owner)
        .queryParam("q", "GENERALE")
        .when()
        .get("/api/v1/accounts")
        .then()
        .body("items.name", contains("Société Générale Test"));
    asAdmin()
        .queryParam("ownerId", owner)
        .queryParam("q", "%")
        .when()
        .get("/api/v1/accounts")
        .then()
        .body("items.name", contains("Other 100%"));
  }

  @Test
  void filtersByEveryAttribute() {
    String parent = create(anAccount().named("parent").ownedBy(owner)).path("id");
    String ext = "L-" + UUID.randomUUID();
    create(
        anAccount()
            .named("match")
            .ownedBy(owner)
            .withParent(parent)
            .with("industry", "PHARMA")
            .with("country", "FR")
            .with("region", "EMEA")
            .with("lifecycle", "PROSPECT")
            .with("relationshipStage", "STRATEGIC")
            .withRef("crm-list", ext));
    create(
        anAccount().named("other").ownedBy(owner).with("industry", "RETAIL").with("country", "US"));
    for (String[] f :
        new String[][] {
          {"parentId", parent},
          {"industry", "PHARMA"},
          {"country", "FR"},
          {"region", "EMEA"},
          {"lifecycle", "PROSPECT"},
          {"relationshipStage", "STRATEGIC"},
          {"externalId", ext}
        }) {
      asAdmin()
          .queryParam("ownerId", owner)
          .queryParam(f[0], f[1])
          .when()
          .get("/api/v1/accounts")
          .then()
          .statusCode(200)
          .body("items.name", contains("match"));
    }
    asAdmin()
        .queryParam("source", "crm-list")
        .queryParam("externalId", ext)
        .when()
        .get("/api/v1/accounts")
        .then()
        .body("items.name", contains("match"));
  }

  @Test
  void theLastPageHasNoCursorAndDefaultsApply() {
    create(anAccount().named("only").ownedBy(owner));
    asAdmin()
        .queryParam("ownerId", owner)
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("nextCursor", nullValue())
        .body("items[0].id", notNullValue());
  }

  @Test
  void aCursorIssuedForAnotherSortOrAForgedOneIs400() {
    for (String n : List.of("x1", "x2")) {
      create(anAccount().named(n).ownedBy(owner));
    }
    String cursor = page("name", null, 1).getString("nextCursor");
    asAdmin()
        .queryParam("ownerId", owner)
        .queryParam("sort", "-updatedAt")
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
    asAdmin()
        .queryParam("cursor", cursor + "x")
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void aCursorReplayedWithOtherFiltersOrOnAnotherListIs400() {
    for (String n : List.of("y1", "y2")) {
      create(anAccount().named(n).ownedBy(owner));
    }
    String cursor = page("name", null, 1).getString("nextCursor");
    asAdmin()
        .queryParam("ownerId", "kam-someone-else")
        .queryParam("sort", "name")
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("cursor"));
    asAdmin()
        .queryParam("ownerId", owner)
        .queryParam("sort", "name")
        .queryParam("country", "DE")
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400);
    String account = create(anAccount().ownedBy(owner)).path("id");
    for (String n : List.of("Ann", "Bob")) {
      asAdmin()
          .body("{\"name\":\"" + n + "\"}")
          .post("/api/v1/accounts/" + account + "/contacts")
          .then()
          .statusCode(201);
    }
    String contactsCursor =
        asAdmin()
            .queryParam("limit", 1)
            .get("/api/v1/accounts/" + account + "/contacts")
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    asAdmin()
        .queryParam("cursor", contactsCursor)
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asAdmin()
        .queryParam("cursor", contactsCursor)
        .when()
        .get("/api/v1/accounts/" + account + "/history")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asAdmin()
        .queryParam("cursor", contactsCursor)
        .when()
        .get("/api/v1/sync/accounts/changes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void badListParametersAre400NamingThem() {
    asAdmin()
        .queryParam("sort", "size")
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sort"));
    asAdmin()
        .queryParam("lifecycle", "ZOMBIE")
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("lifecycle"));
    asAdmin()
        .queryParam("relationshipStage", "BFF")
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("relationshipStage"));
    asAdmin()
        .queryParam("parentId", "nope")
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("parentId"));
    asAdmin()
        .queryParam("limit", "0")
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
    asAdmin().queryParam("limit", "501").when().get("/api/v1/accounts").then().statusCode(400);
  }
}
