package io.kam.account.api;

import static io.kam.account.testdata.Api.as;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.sync;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SyncTest {

  private final String source = "crm-" + UUID.randomUUID().toString().substring(0, 8);

  private static RequestSpecification partner() {
    return as("crm-bridge", "integration");
  }

  private Map<String, Object> item(String externalId, Object... fields) {
    Map<String, Object> m = new HashMap<>();
    m.put("source", source);
    m.put("externalId", externalId);
    for (int i = 0; i < fields.length; i += 2) {
      m.put((String) fields[i], fields[i + 1]);
    }
    return m;
  }

  @Test
  void createsUpdatesAndReportsUnchangedPerItemInRequestOrder() {
    var first =
        sync(
            partner(),
            item("A-1", "name", "Acme Group", "country", "DE", "potentialAnnualSpend", 2500000),
            item("A-2", "name", "Beta"));
    first
        .response()
        .then()
        .body("results.status", contains("CREATED", "CREATED"))
        .body("results.externalId", contains("A-1", "A-2"))
        .body("results[0].source", equalTo(source))
        .body("results[0].id", notNullValue());
    String id = first.path("results[0].id");

    sync(
            partner(),
            item("A-1", "name", "Acme Group", "country", "DE", "potentialAnnualSpend", 2500000.00),
            item("A-2", "name", "Beta AG"))
        .response()
        .then()
        .body("results.status", contains("UNCHANGED", "UPDATED"))
        .body("results[0].id", equalTo(id));
    asAdmin().when().get("/api/v1/accounts/" + id).then().body("version", equalTo(1));
  }

  @Test
  void anItemIsAMergeAbsentFieldsStayAndNullClears() {
    String id =
        sync(
                partner(),
                item(
                    "M-1",
                    "name",
                    "Merge Co",
                    "industry",
                    "RETAIL",
                    "region",
                    "EMEA",
                    "assessment",
                    Map.of("fit", 3, "partnership", 2)))
            .path("results[0].id");
    Map<String, Object> update = item("M-1", "region", null, "assessment", Map.of("fit", 4));
    sync(partner(), update).response().then().body("results[0].status", equalTo("UPDATED"));
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + id)
        .then()
        .body("name", equalTo("Merge Co"))
        .body("industry", equalTo("RETAIL"))
        .body("region", nullValue())
        .body("assessment.fit", equalTo(4))
        .body("assessment.partnership", equalTo(2))
        .body("version", equalTo(2));
  }

  @Test
  void resolvesParentsInTheBatchInAnyOrderAndAlreadyStored() {
    String stored = sync(partner(), item("P-0", "name", "Holding")).path("results[0].id");
    var r =
        sync(
            partner(),
            item("C-2", "name", "Grandchild", "parentExternalId", "C-1"),
            item("C-1", "name", "Child", "parentExternalId", "P-0"));
    r.response().then().body("results.status", contains("CREATED", "CREATED"));
    String child = r.path("results[1].id");
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + r.path("results[0].id"))
        .then()
        .body("parentId", equalTo(child));
    asAdmin().when().get("/api/v1/accounts/" + child).then().body("parentId", equalTo(stored));
  }

  @Test
  void aParentIsLookedUpOnlyInTheChildsOwnSource() {
    String other = "other-" + UUID.randomUUID();
    sync(partner(), Map.of("source", other, "externalId", "P-9", "name", "Elsewhere"));
    sync(partner(), item("C-9", "name", "Orphan", "parentExternalId", "P-9"))
        .response()
        .then()
        .body("results[0].status", equalTo("REJECTED"))
        .body("results[0].errors[0].field", equalTo("parentExternalId"));
  }

  @Test
  void aBadItemRejectsOnlyItselfNamingTheField() {
    sync(
            partner(),
            item("B-1", "name", "Good"),
            item("B-2", "name", "Bad", "country", "XX"),
            item("B-3", "name", "Also bad", "assessment", Map.of("fit", 9)),
            item("B-4", "name", "Wrong type", "employees", "many"),
            item("B-5", "lifecycle", "ZOMBIE", "name", "z"),
            Map.of("source", source, "name", "no key"),
            item("B-6"))
        .response()
        .then()
        .body(
            "results.status",
            contains(
                "CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"))
        .body("results[1].errors[0].field", equalTo("country"))
        .body("results[2].errors[0].field", equalTo("assessment.fit"))
        .body("results[3].errors[0].field", equalTo("employees"))
        .body("results[4].errors[0].field", equalTo("lifecycle"))
        .body("results[5].errors[0].field", equalTo("externalId"))
        .body("results[6].errors[0].field", equalTo("name"));
    asAdmin()
        .queryParam("source", source)
        .when()
        .get("/api/v1/accounts")
        .then()
        .body("items", hasSize(1));
  }

  @Test
  void aKeyRepeatedInOneRequestIsRejectedAfterItsFirstOccurrence() {
    sync(partner(), item("D-1", "name", "First"), item("D-1", "name", "Second"))
        .response()
        .then()
        .body("results.status", contains("CREATED", "REJECTED"))
        .body("results[1].errors[0].field", equalTo("externalId"));
    asAdmin()
        .queryParam("source", source)
        .queryParam("externalId", "D-1")
        .when()
        .get("/api/v1/accounts")
        .then()
        .body("items[0].name", equalTo("First"));
  }

  @Test
  void deletedTrueDeletesAndAnUnknownKeyIsUnchanged() {
    String id = sync(partner(), item("X-1", "name", "Doomed")).path("results[0].id");
    sync(partner(), item("X-1", "deleted", true), item("X-404", "deleted", true))
        .response()
        .then()
        .body("results.status", contains("DELETED", "UNCHANGED"))
        .body("results[0].id", equalTo(id));
    asAdmin().when().get("/api/v1/accounts/" + id).then().statusCode(404);
    String again = sync(partner(), item("X-1", "name", "Reborn")).path("results[0].id");
    org.junit.jupiter.api.Assertions.assertNotEquals(id, again);
  }

  @Test
  void aParentWithLiveChildrenIsNotDeletedUnlessTheChildrenGoToo() {
    sync(
        partner(),
        item("H-1", "name", "Parent"),
        item("H-2", "name", "Child", "parentExternalId", "H-1"));
    sync(partner(), item("H-1", "deleted", true))
        .response()
        .then()
        .body("results[0].status", equalTo("REJECTED"))
        .body("results[0].errors[0].field", equalTo("deleted"));
    sync(partner(), item("H-1", "deleted", true), item("H-2", "parentExternalId", null))
        .response()
        .then()
        .body("results.status", contains("DELETED", "UPDATED"));
  }

  @Test
  void aCycleThroughTheBatchIsRejectedNamingIt() {
    sync(
        partner(),
        item("Y-1", "name", "One"),
        item("Y-2", "name", "Two", "parentExternalId", "Y-1"),
        item("Y-3", "name", "Three", "parentExternalId", "Y-2"));
    sync(partner(), item("Y-1", "parentExternalId", "Y-3"))
        .response()
        .then()
        .body("results[0].status", equalTo("REJECTED"))
        .body("results[0].errors[0].field", equalTo("parentExternalId"))
        .body("results[0].errors[0].message", org.hamcrest.Matchers.containsString("cycle"));
    sync(
            partner(),
            item("N-1", "name", "n1", "parentExternalId", "N-2"),
            item("N-2", "name", "n2", "parentExternalId", "N-1"))
        .response()
        .then()
        .body("results.status", contains("REJECTED", "REJECTED"));
  }

  @Test
  void moreThan1000ItemsIs413AndNothingIsWritten() {
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      items.add(item("T-" + i, "name", "n" + i));
    }
    partner()
        .body(Map.of("items", items))
        .when()
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("items"));
    asAdmin()
        .queryParam("source", source)
        .when()
        .get("/api/v1/accounts")
        .then()
        .body("items", hasSize(0));
  }

  @Test
  void resendingABatchChangesNothingAndAnIdempotencyKeyReplaysTheAnswer() {
    Map<String, Object> body =
        Map.of("items", List.of(item("I-1", "name", "Once"), item("I-2", "name", "Twice")));
    String key = UUID.randomUUID().toString();
    var first =
        partner()
            .header("Idempotency-Key", key)
            .body(body)
            .when()
            .put("/api/v1/sync/accounts")
            .then()
            .statusCode(200)
            .body("results.status", contains("CREATED", "CREATED"))
            .extract()
            .asString();
    var replay =
        partner()
            .header("Idempotency-Key", key)
            .body(body)
            .when()
            .put("/api/v1/sync/accounts")
            .then()
            .statusCode(200)
            .header("Idempotent-Replayed", "true")
            .extract()
            .asString();
    assertEquals(first, replay);
    partner()
        .body(body)
        .when()
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(200)
        .body("results.status", contains("UNCHANGED", "UNCHANGED"));
  }

  @Test
  void onlyIntegrationManagersAndAdminsSync() {
    as("kam-kim", "kam")
        .body(Map.of("items", List.of(item("R-1", "name", "n"))))
        .when()
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(403);
    as("viewer-vi", "viewer")
        .body(Map.of("items", List.of()))
        .when()
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(403);
    sync(as("mgr", "kam-manager"), item("R-2", "name", "n"))
        .response()
        .then()
        .body("results[0].status", equalTo("CREATED"));
  }

  @Test
  void aBodyWithoutItemsIs422AndMalformedJsonIs400() {
    partner()
        .body("{\"things\": []}")
        .when()
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("items"));
    partner()
        .body("{\"items\": [")
        .when()
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
