package io.kam.account.api;

import static io.kam.account.testdata.Api.as;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.asApiKey;
import static io.kam.account.testdata.Api.sync;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 18: PUT /api/v1/sync/contacts keyed by the partner's ids, and the contacts feed. */
@QuarkusTest
class ContactSyncTest {

  private final String source = "crm-" + UUID.randomUUID().toString().substring(0, 8);

  private static RequestSpecification partner() {
    return asApiKey("contact-crm", "integration");
  }

  private String account(String externalId) {
    return sync(
            partner(),
            Map.of("source", source, "externalId", externalId, "name", "Acct " + externalId))
        .path("results[0].id");
  }

  private Map<String, Object> contact(String externalId, String account, Object... fields) {
    Map<String, Object> m = new HashMap<>();
    m.put("source", source);
    m.put("externalId", externalId);
    if (account != null) {
      m.put("accountExternalId", account);
    }
    for (int i = 0; i < fields.length; i += 2) {
      m.put((String) fields[i], fields[i + 1]);
    }
    return m;
  }

  private static ValidatableResponse syncContacts(RequestSpecification who, Object... items) {
    return who.body(Map.of("items", List.of(items)))
        .when()
        .put("/api/v1/sync/contacts")
        .then()
        .statusCode(200);
  }

  private static JsonPath contactsOf(String account) {
    return asAdmin()
        .when()
        .get("/api/v1/accounts/" + account + "/contacts")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void createsUpdatesAndReportsUnchangedByThePartnersKeysWithManagersInAnyOrder() {
    String acct = account("A-1");
    var first =
        syncContacts(
                partner(),
                contact("C-2", "A-1", "name", "Rita Report", "reportsToExternalId", "C-1"),
                contact("C-1", "A-1", "name", "Max Manager", "buyingRole", "DECISION_MAKER"))
            .body("results.status", contains("CREATED", "CREATED"))
            .body("results.version", contains(1, 1))
            .body("results[0].source", equalTo(source))
            .extract()
            .jsonPath();
    String report = first.getString("results[0].id");
    String manager = first.getString("results[1].id");

    JsonPath listed = contactsOf(acct);
    assertEquals(List.of("Max Manager", "Rita Report"), listed.getList("items.name"));
    assertEquals(List.of("C-1", "C-2"), listed.getList("items.externalId"));
    assertEquals(manager, listed.getString("items[1].reportsToContactId"));

    syncContacts(
            partner(),
            contact("C-2", "A-1", "name", "Rita Report", "reportsToExternalId", "C-1"),
            contact("C-1", null, "title", "CFO"))
        .body("results.status", contains("UNCHANGED", "UPDATED"))
        .body("results.id", contains(report, manager))
        .body("results.version", contains(1, 2));
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + acct + "/contacts/" + manager)
        .then()
        .body("title", equalTo("CFO"))
        .body("name", equalTo("Max Manager"))
        .body("buyingRole", equalTo("DECISION_MAKER"));
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + acct + "/history")
        .then()
        .body("items[0].field", equalTo("contacts[" + manager + "].title"))
        .body("items[0].changedBy", equalTo("api-key:contact-crm"));
  }

  @Test
  void aBadItemRejectsOnlyItselfNamingTheField() {
    account("B-1");
    account("B-2");
    syncContacts(partner(), contact("K-1", "B-1", "name", "Kept"));
    syncContacts(
            partner(),
            contact("X-1", "NO-SUCH", "name", "Lost"),
            contact("X-2", null, "name", "No account"),
            contact("X-3", "B-1", "name", "Bad mail", "email", "not-an-email"),
            contact("X-4", "B-1", "name", "Nobody's report", "reportsToExternalId", "NOBODY"),
            contact("X-5", "B-2", "name", "Wrong tree", "reportsToExternalId", "K-1"),
            contact("K-1", "B-2", "name", "Moved"),
            contact("X-6", "B-1", "name", "Fine", "influence", 4),
            contact("X".repeat(201), "B-1", "name", "Key too long"))
        .body(
            "results.status",
            contains(
                "REJECTED",
                "REJECTED",
                "REJECTED",
                "REJECTED",
                "REJECTED",
                "REJECTED",
                "CREATED",
                "REJECTED"))
        .body("results[0].errors[0].field", equalTo("accountExternalId"))
        .body("results[1].errors[0].field", equalTo("accountExternalId"))
        .body("results[2].errors[0].field", equalTo("email"))
        .body("results[3].errors[0].field", equalTo("reportsToExternalId"))
        .body("results[4].errors[0].message", startsWith("the manager K-1 is a contact of another"))
        .body("results[5].errors[0].field", equalTo("accountExternalId"))
        .body("results[7].errors[0].field", equalTo("externalId"));
  }

  @Test
  void aReportingCycleIsRejectedNamingItAndDeletingAManagerDetachesItsReports() {
    String acct = account("Y-1");
    String boss =
        syncContacts(
                partner(),
                contact("Y-BOSS", "Y-1", "name", "Boss"),
                contact("Y-MID", "Y-1", "name", "Mid", "reportsToExternalId", "Y-BOSS"))
            .extract()
            .path("results[0].id");
    syncContacts(partner(), contact("Y-BOSS", null, "reportsToExternalId", "Y-MID"))
        .body("results[0].status", equalTo("REJECTED"))
        .body("results[0].errors[0].message", startsWith("would create the reporting cycle"));

    syncContacts(
            partner(),
            contact("Y-BOSS", null, "deleted", true),
            contact("Y-GONE", null, "deleted", true))
        .body("results.status", contains("DELETED", "UNCHANGED"))
        .body("results[0].id", equalTo(boss));
    JsonPath left = contactsOf(acct);
    assertEquals(List.of("Mid"), left.getList("items.name"));
    assertNull(left.get("items[0].reportsToContactId"));
    assertEquals(2, left.getInt("items[0].version"));
  }

  @Test
  void anIdempotencyKeyReplaysTheAnswerAndRefusesAnotherBody() {
    account("I-1");
    Map<String, Object> body = Map.of("items", List.of(contact("I-C", "I-1", "name", "Once")));
    String key = "contacts-" + UUID.randomUUID();
    String first =
        partner()
            .header("Idempotency-Key", key)
            .body(body)
            .when()
            .put("/api/v1/sync/contacts")
            .then()
            .statusCode(200)
            .body("results[0].status", equalTo("CREATED"))
            .extract()
            .asString();
    String again =
        partner()
            .header("Idempotency-Key", key)
            .body(body)
            .when()
            .put("/api/v1/sync/contacts")
            .then()
            .statusCode(200)
            .header("Idempotent-Replayed", "true")
            .extract()
            .asString();
    assertEquals(first, again);
    partner()
        .header("Idempotency-Key", key)
        .body(Map.of("items", List.of(contact("I-C", "I-1", "name", "Twice"))))
        .when()
        .put("/api/v1/sync/contacts")
        .then()
        .statusCode(422);
  }

  @Test
  void integrationManagersAndAdminsSyncContactsOthersAreForbidden() {
    account("R-1");
    syncContacts(as("mgr-max", "kam-manager"), contact("R-M", "R-1", "name", "By a manager"))
        .body("results[0].status", equalTo("CREATED"));
    for (String role : List.of("viewer", "kam")) {
      as("someone", role)
          .body(Map.of("items", List.of(contact("R-X", "R-1", "name", "No"))))
          .when()
          .put("/api/v1/sync/contacts")
          .then()
          .statusCode(403);
      as("someone", role).when().get("/api/v1/sync/contacts/changes").then().statusCode(403);
    }
  }

  @Test
  void aDryRunAndAStaleIfVersionWriteNothing() {
    String acct = account("D-1");
    syncContacts(partner(), contact("D-C", "D-1", "name", "Original"));
    String cursor = feedEnd();
    syncContacts(
            partner().queryParam("dryRun", "true"),
            contact("D-C", null, "name", "Renamed"),
            contact("D-NEW", "D-1", "name", "New"))
        .body("dryRun", equalTo(true))
        .body("results.status", contains("UPDATED", "CREATED"));
    syncContacts(partner(), contact("D-C", null, "name", "Stale", "ifVersion", 7))
        .body("results[0].status", equalTo("CONFLICT"))
        .body("results[0].version", equalTo(1));
    assertEquals(List.of("Original"), contactsOf(acct).getList("items.name"));
    assertTrue(changes(cursor, Map.of()).isEmpty());
  }

  @Test
  void contactChangesAppearInTheirFeedWithTheAccountsKeyAndWithoutTheCallersEchoes() {
    String acct = account("F-1");
    String cursor = feedEnd();
    String id =
        syncContacts(partner(), contact("F-C", "F-1", "name", "Fed"))
            .extract()
            .path("results[0].id");
    asAdmin()
        .header("If-Match", "\"1\"")
        .contentType("application/merge-patch+json")
        .body(Map.of("title", "Head of IT"))
        .when()
        .patch("/api/v1/accounts/" + acct + "/contacts/" + id)
        .then()
        .statusCode(200);
    String direct =
        asAdmin()
            .body(Map.of("name", "Added by hand"))
            .when()
            .post("/api/v1/accounts/" + acct + "/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    List<Map<String, Object>> all = changes(cursor, Map.of());
    List<Map<String, Object>> mine =
        all.stream().filter(c -> acct.equals(c.get("accountId"))).toList();
    assertEquals(
        List.of("CREATED", "UPDATED", "CREATED"),
        mine.stream().map(c -> c.get("operation")).toList());
    assertEquals(source, mine.get(0).get("accountSource"));
    assertEquals("F-1", mine.get(0).get("accountExternalId"));
    assertEquals("F-C", mine.get(0).get("externalId"));
    assertEquals("Head of IT", ((Map<?, ?>) mine.get(1).get("contact")).get("title"));
    assertEquals(direct, mine.get(2).get("contactId"));

    List<Map<String, Object>> echoFree = changes(cursor, Map.of("excludeOwn", "true"));
    assertEquals(
        List.of("user:admin-ada", "user:admin-ada"),
        echoFree.stream()
            .filter(c -> acct.equals(c.get("accountId")))
            .map(c -> c.get("origin"))
            .toList());
    assertEquals(
        List.of(id),
        changes(cursor, Map.of("source", source)).stream()
            .map(c -> c.get("contactId"))
            .distinct()
            .toList());

    asAdmin()
        .header("If-Match", "\"2\"")
        .when()
        .delete("/api/v1/accounts/" + acct + "/contacts/" + id)
        .then()
        .statusCode(204);
    List<Map<String, Object>> tombstone =
        changes(cursor, Map.of("source", source)).stream()
            .filter(c -> "DELETED".equals(c.get("operation")))
            .toList();
    assertEquals(1, tombstone.size());
    assertEquals(3, tombstone.get(0).get("version"));
    assertNull(tombstone.get(0).get("contact"));
  }

  @Test
  void theContactSnapshotAndTheFeedFromItsCursorMissNothingWrittenBetweenPages() {
    account("S-1");
    syncContacts(
        partner(),
        contact("S-A", "S-1", "name", "Ann"),
        contact("S-B", "S-1", "name", "Ben"),
        contact("S-C", "S-1", "name", "Cid"));
    JsonPath first = snapshotPage(null);
    String feedCursor = first.getString("feedCursor");
    List<Object> seen = new ArrayList<>(first.getList("items.externalId"));
    syncContacts(
        partner(),
        contact("S-A", null, "title", "Changed meanwhile"),
        contact("S-D", "S-1", "name", "Dan"));
    String next = first.getString("nextCursor");
    while (next != null) {
      JsonPath page = snapshotPage(next);
      assertEquals(feedCursor, page.getString("feedCursor"));
      seen.addAll(page.getList("items.externalId"));
      next = page.getString("nextCursor");
    }
    assertTrue(seen.containsAll(List.of("S-A", "S-B", "S-C")), seen.toString());
    List<Map<String, Object>> after = changes(feedCursor, Map.of("source", source));
    // One batch, one commit: its entries come together (creates first), each once.
    Map<Object, Object> operations = new HashMap<>();
    after.forEach(c -> operations.put(c.get("externalId"), c.get("operation")));
    assertEquals(Map.of("S-A", "UPDATED", "S-D", "CREATED"), operations);
    assertEquals(2, after.size());
  }

  private JsonPath snapshotPage(String cursor) {
    var request = partner().queryParam("source", source).queryParam("limit", 1);
    if (cursor != null) {
      request.queryParam("cursor", cursor);
    }
    return request
        .when()
        .get("/api/v1/sync/contacts/snapshot")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String feedEnd() {
    String cursor = null;
    while (true) {
      JsonPath page = page(cursor, Map.of());
      cursor = page.getString("nextCursor");
      if (!page.getBoolean("hasMore")) {
        return cursor;
      }
    }
  }

  private static List<Map<String, Object>> changes(String cursor, Map<String, String> filters) {
    List<Map<String, Object>> out = new ArrayList<>();
    while (true) {
      JsonPath page = page(cursor, filters);
      out.addAll(page.getList("items"));
      cursor = page.getString("nextCursor");
      if (!page.getBoolean("hasMore")) {
        return out;
      }
    }
  }

  private static JsonPath page(String cursor, Map<String, String> filters) {
    var request = partner().queryParam("limit", 500).queryParams(filters);
    if (cursor != null) {
      request.queryParam("cursor", cursor);
    }
    return request
        .when()
        .get("/api/v1/sync/contacts/changes")
        .then()
        .statusCode(200)
        .body("nextCursor", org.hamcrest.Matchers.notNullValue())
        .extract()
        .jsonPath();
  }
}
