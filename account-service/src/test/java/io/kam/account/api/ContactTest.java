package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.as;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.createId;
import static io.kam.account.testdata.Api.etagOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContactTest {

  private static Map<String, Object> contact(String name, Object... fields) {
    Map<String, Object> m = new HashMap<>(Map.of("name", name));
    for (int i = 0; i < fields.length; i += 2) {
      m.put((String) fields[i], fields[i + 1]);
    }
    return m;
  }

  private static String add(String account, Map<String, Object> body) {
    return asAdmin()
        .body(body)
        .when()
        .post("/api/v1/accounts/" + account + "/contacts")
        .then()
        .statusCode(201)
        .header("ETag", "\"1\"")
        .header("Location", notNullValue())
        .extract()
        .path("id");
  }

  private static String path(String account, String contact) {
    return "/api/v1/accounts/" + account + "/contacts/" + contact;
  }

  @Test
  void createsReadsReplacesPatchesAndDeletesAContact() {
    String account = createId(anAccount());
    String id =
        add(
            account,
            contact(
                "Clara CFO",
                "title",
                "CFO",
                "email",
                "clara@acme.example",
                "phone",
                "+49 1",
                "buyingRole",
                "DECISION_MAKER",
                "influence",
                5,
                "relationshipStrength",
                3));
    asAdmin()
        .when()
        .get(path(account, id))
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("buyingRole", equalTo("DECISION_MAKER"))
        .body("influence", equalTo(5))
        .body("accountId", equalTo(account));
    asAdmin()
        .header("If-Match", "\"1\"")
        .body(contact("Clara Chief"))
        .when()
        .put(path(account, id))
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("title", nullValue());
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"2\"")
        .body("{\"influence\":2}")
        .when()
        .patch(path(account, id))
        .then()
        .statusCode(200)
        .body("influence", equalTo(2))
        .body("name", equalTo("Clara Chief"));
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + account + "/contacts")
        .then()
        .body("items.name", contains("Clara Chief"));
    asAdmin().header("If-Match", "\"3\"").when().delete(path(account, id)).then().statusCode(204);
    asAdmin().when().get(path(account, id)).then().statusCode(404);
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + account + "/history")
        .then()
        .body("items.field", hasItem("contacts[" + id + "].influence"));
  }

  @Test
  void pagesThroughContactsByName() {
    String account = createId(anAccount());
    for (String n : java.util.List.of("Cy", "Al", "Bo")) {
      add(account, contact(n));
    }
    java.util.List<Object> names = new java.util.ArrayList<>();
    String cursor = null;
    do {
      var r = asAdmin().queryParam("limit", 1);
      if (cursor != null) {
        r.queryParam("cursor", cursor);
      }
      var page =
          r.when()
              .get("/api/v1/accounts/" + account + "/contacts")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      names.addAll(page.getList("items.name"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("Al", "Bo", "Cy"), names);
  }

  @Test
  void contactWritesNeedIfMatch() {
    String account = createId(anAccount());
    String id = add(account, contact("A"));
    asAdmin().body(contact("B")).when().put(path(account, id)).then().statusCode(428);
    asAdmin().header("If-Match", "\"9\"").when().delete(path(account, id)).then().statusCode(412);
  }

  @Test
  void reportsToMustBeAContactOfTheSameAccountAndMakeNoCycle() {
    String account = createId(anAccount());
    String boss = add(account, contact("Boss"));
    String mid = add(account, contact("Mid", "reportsToContactId", boss));
    String low = add(account, contact("Low", "reportsToContactId", mid));
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("{\"reportsToContactId\":\"" + low + "\"}")
        .when()
        .patch(path(account, boss))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("reportsToContactId"));
    String elsewhere = add(createId(anAccount()), contact("Stranger"));
    asAdmin()
        .body(contact("X", "reportsToContactId", elsewhere))
        .when()
        .post("/api/v1/accounts/" + account + "/contacts")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("reportsToContactId"));
  }

  @Test
  void badContactInputIsNamed() {
    String account = createId(anAccount());
    asAdmin()
        .body(contact("X", "influence", 6, "email", "not-an-email"))
        .when()
        .post("/api/v1/accounts/" + account + "/contacts")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("influence"))
        .body("errors.field", hasItem("email"));
    asAdmin()
        .body(contact("X", "buyingRole", "CEO"))
        .when()
        .post("/api/v1/accounts/" + account + "/contacts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("buyingRole"));
    asAdmin()
        .body(contact("X", "reportsToContactId", "123"))
        .when()
        .post("/api/v1/accounts/" + account + "/contacts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reportsToContactId"));
    asAdmin()
        .when()
        .get(path(account, "not-a-uuid"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("contactId"));
    asAdmin().when().get(path(account, UUID.randomUUID().toString())).then().statusCode(404);
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + UUID.randomUUID() + "/contacts")
        .then()
        .statusCode(404);
  }

  @Test
  void aKamWritesContactsOnlyOfItsOwnOrTeamAccounts() {
    String mine = createId(anAccount().ownedBy("kam-kai"));
    String teams =
        createId(anAccount().ownedBy("kam-other").withTeamMember("kam-kai", "SUPPORT_LEAD"));
    String foreign = createId(anAccount().ownedBy("kam-other"));
    as("kam-kai", "kam")
        .body(contact("Mine"))
        .when()
        .post("/api/v1/accounts/" + mine + "/contacts")
        .then()
        .statusCode(201);
    as("kam-kai", "kam")
        .body(contact("Team"))
        .when()
        .post("/api/v1/accounts/" + teams + "/contacts")
        .then()
        .statusCode(201);
    as("kam-kai", "kam")
        .body(contact("No"))
        .when()
        .post("/api/v1/accounts/" + foreign + "/contacts")
        .then()
        .statusCode(403);
    String c = add(foreign, contact("Theirs"));
    as("kam-kai", "kam")
        .header("If-Match", "\"1\"")
        .body(contact("Changed"))
        .when()
        .put(path(foreign, c))
        .then()
        .statusCode(403);
    as("kam-kai", "kam")
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("{\"name\":\"x\"}")
        .when()
        .patch(path(foreign, c))
        .then()
        .statusCode(403);
    as("kam-kai", "kam")
        .header("If-Match", "\"1\"")
        .when()
        .delete(path(foreign, c))
        .then()
        .statusCode(403);
    as("viewer-vi", "viewer").when().get(path(foreign, c)).then().statusCode(200);
    as("viewer-vi", "viewer")
        .body(contact("No"))
        .when()
        .post("/api/v1/accounts/" + mine + "/contacts")
        .then()
        .statusCode(403);
    org.junit.jupiter.api.Assertions.assertEquals("\"1\"", etagOf(foreign));
  }
}
