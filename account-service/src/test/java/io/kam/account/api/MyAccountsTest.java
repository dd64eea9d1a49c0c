package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.as;
import static io.kam.account.testdata.Api.asApiKey;
import static io.kam.account.testdata.Api.create;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/accounts?mine=true}: the accounts the caller owns or is on the team of. */
@QuarkusTest
class MyAccountsTest {

  private final String me = "kam-" + UUID.randomUUID();
  private final String colleague = "kam-" + UUID.randomUUID();

  private RequestSpecification asMe() {
    return as(me, "kam");
  }

  private List<String> allMine(String sort, int limit, String industry) {
    List<String> names = new ArrayList<>();
    String cursor = null;
    do {
      var r = asMe().queryParam("mine", "true").queryParam("limit", limit);
      if (sort != null) {
        r.queryParam("sort", sort);
      }
      if (industry != null) {
        r.queryParam("industry", industry);
      }
      if (cursor != null) {
        r.queryParam("cursor", cursor);
      }
      JsonPath page = r.when().get("/api/v1/accounts").then().statusCode(200).extract().jsonPath();
      names.addAll(page.getList("items.name"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    return names;
  }

  @Test
  void listsTheAccountsTheCallerOwnsOrIsOnTheTeamOfAndNoOthers() {
    create(anAccount().named("c-owned").ownedBy(me));
    create(anAccount().named("a-team").ownedBy(colleague).withTeamMember(me, "SPONSOR"));
    create(
        anAccount()
            .named("b-both")
            .ownedBy(me)
            .withTeamMember(me, "SPONSOR")
            .withTeamMember(colleague, "SE"));
    create(anAccount().named("d-colleague").ownedBy(colleague));
    create(
        anAccount()
            .named("e-other-team")
            .ownedBy(colleague)
            .withTeamMember(colleague + "-x", "SE"));

    assertEquals(List.of("a-team", "b-both", "c-owned"), allMine(null, 2, null));
    assertEquals(List.of("c-owned", "b-both", "a-team"), allMine("-name", 1, null));
    assertEquals(List.of("c-owned", "a-team", "b-both"), allMine("createdAt", 1, null));
  }

  @Test
  void combinesWithTheOtherFilters() {
    create(anAccount().named("owned-retail").ownedBy(me).with("industry", "RETAIL"));
    create(
        anAccount()
            .named("team-retail")
            .ownedBy(colleague)
            .withTeamMember(me, "SE")
            .with("industry", "RETAIL"));
    create(anAccount().named("owned-energy").ownedBy(me).with("industry", "ENERGY"));
    create(anAccount().named("colleague-retail").ownedBy(colleague).with("industry", "RETAIL"));

    assertEquals(List.of("owned-retail", "team-retail"), allMine(null, 1, "RETAIL"));
    asMe()
        .queryParam("mine", "true")
        .queryParam("ownerId", colleague)
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(200)
        .body("items.name", equalTo(List.of("team-retail")));
  }

  @Test
  void mineFalseIsTheWholeListAndAnythingElseIs400() {
    create(anAccount().named("colleague-only").ownedBy(colleague));
    as(me, "kam")
        .queryParam("mine", "false")
        .queryParam("ownerId", colleague)
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(200)
        .body("items.name", equalTo(List.of("colleague-only")));
    asMe()
        .queryParam("mine", "yes")
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("mine"));
  }

  @Test
  void aCursorOfMyAccountsIsNotValidForAnotherUserOrWithoutMine() {
    create(anAccount().named("one").ownedBy(me));
    create(anAccount().named("two").ownedBy(me));
    String cursor =
        asMe()
            .queryParam("mine", "true")
            .queryParam("limit", 1)
            .when()
            .get("/api/v1/accounts")
            .then()
            .statusCode(200)
            .extract()
            .path("nextCursor");
    as(colleague, "kam")
        .queryParam("mine", "true")
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
    asMe()
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void anApiKeyHasNoAccountsOfItsOwnSoMineIs400() {
    asApiKey("crm", "integration")
        .queryParam("mine", "true")
        .when()
        .get("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("mine"))
        .body("detail", containsString("needs a user"));
  }
}
