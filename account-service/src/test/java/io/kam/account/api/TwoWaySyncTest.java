package io.kam.account.api;

import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.asApiKey;
import static io.kam.account.testdata.Api.sync;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.kam.account.testdata.Feed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a partner syncs both ways without echoes, guards its writes, tries them, bootstraps.
 */
@QuarkusTest
class TwoWaySyncTest {

  @Inject AgroalDataSource ds;

  private final String source = "crm-" + UUID.randomUUID().toString().substring(0, 8);

  private static RequestSpecification partner() {
    return asApiKey("two-way-crm", "integration");
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

  private static void patchName(String id, int version, String name) {
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"" + version + "\"")
        .body(Map.of("name", name))
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(200);
  }

  private static List<Map<String, Object>> changes(String cursor, Map<String, String> filters) {
    List<Map<String, Object>> out = new ArrayList<>();
    while (true) {
      var request = partner().queryParam("limit", 2).queryParams(filters);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page =
          request
              .when()
              .get("/api/v1/sync/accounts/changes")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      out.addAll(page.getList("items"));
      cursor = page.getString("nextCursor");
      if (!page.getBoolean("hasMore")) {
        return out;
      }
    }
  }

  @Test
  void theFeedFiltersBySourceAndLeavesOutThePartnersOwnWrites() {
    String cursor = Feed.end();
    String id = sync(partner(), item("E-1", "name", "Echo Co")).path("results[0].id");
    patchName(id, 1, "Echo Co (renamed by the KAM)");
    sync(partner(), Map.of("source", source + "-other", "externalId", "E-2", "name", "Other"));

    List<Map<String, Object>> mine =
        changes(cursor, Map.of("source", source, "excludeOwn", "true"));
    assertEquals(1, mine.size(), "only the KAM's edit: " + mine);
    assertEquals("user:admin-ada", mine.get(0).get("origin"));
    assertEquals(id, mine.get(0).get("accountId"));

    List<Map<String, Object>> byName =
        changes(cursor, Map.of("source", source, "excludeOrigin", "api-key:two-way-crm"));
    assertEquals(List.of(2), byName.stream().map(c -> c.get("version")).toList());
    List<Map<String, Object>> all = changes(cursor, Map.of("source", source));
    assertEquals(List.of(1, 2), all.stream().map(c -> c.get("version")).toList());
  }

  @Test
  void aFilteredReadThatFindsNothingMovesItsCursorToTheEnd() {
    String cursor = Feed.end();
    sync(partner(), item("N-1", "name", "Not for the filter"));
    JsonPath page =
        partner()
            .queryParam("cursor", cursor)
            .queryParam("source", "no-such-source-" + UUID.randomUUID())
            .when()
            .get("/api/v1/sync/accounts/changes")
            .then()
            .statusCode(200)
            .body("items", org.hamcrest.Matchers.empty())
            .body("hasMore", equalTo(false))
            .extract()
            .jsonPath();
    assertEquals(Feed.end(), page.getString("nextCursor"));
  }

  @Test
  void anItemWithAStaleIfVersionIsAConflictWithTheCurrentVersionAndIsNotWritten() {
    String id =
        sync(partner(), item("G-1", "name", "Guarded", "ifVersion", 0))
            .response()
            .then()
            .body("results[0].status", equalTo("CREATED"))
            .body("results[0].version", equalTo(1))
            .extract()
            .path("results[0].id");
    patchName(id, 1, "Changed by the KAM");

    sync(
            partner(),
            item("G-1", "name", "Stale partner copy", "ifVersion", 1),
            item("G-2", "name", "Fresh", "ifVersion", 0),
            item("G-1-X", "name", "Never seen", "ifVersion", 3))
        .response()
        .then()
        .body("results.status", contains("CONFLICT", "CREATED", "CONFLICT"))
        .body("results[0].id", equalTo(id))
        .body("results[0].version", equalTo(2))
        .body("results[0].errors[0].field", equalTo("ifVersion"))
        .body("results[2].version", org.hamcrest.Matchers.nullValue());
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + id)
        .then()
        .body("name", equalTo("Changed by the KAM"));

    sync(partner(), item("G-1", "name", "Merged by the partner", "ifVersion", 2))
        .response()
        .then()
        .body("results[0].status", equalTo("UPDATED"))
        .body("results[0].version", equalTo(3));
    sync(partner(), item("G-1", "ifVersion", "two"))
        .response()
        .then()
        .body("results[0].status", equalTo("REJECTED"))
        .body("results[0].errors[0].field", equalTo("ifVersion"));
  }

  @Test
  void aDryRunAnswersTheResultsAndWritesNothing() throws Exception {
    String existing = sync(partner(), item("D-1", "name", "Before")).path("results[0].id");
    String newKey = "D-NEW-" + UUID.randomUUID();
    String cursor = Feed.end();
    int history = historySize(existing);
    Map<String, Object> body =
        Map.of("items", List.of(item("D-1", "name", "After"), item(newKey, "name", "Brand new")));

    partner()
        .header("Idempotency-Key", "dry-" + newKey)
        .queryParam("dryRun", "true")
        .body(body)
        .when()
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("results.status", contains("UPDATED", "CREATED"))
        .body("results[0].version", equalTo(2));

    asAdmin().when().get("/api/v1/accounts/" + existing).then().body("name", equalTo("Before"));
    asAdmin()
        .queryParam("source", source)
        .queryParam("externalId", newKey)
        .when()
        .get("/api/v1/accounts")
        .then()
        .body("items", org.hamcrest.Matchers.empty());
    assertEquals(history, historySize(existing));
    assertTrue(Feed.since(cursor).items().isEmpty(), "no feed entry");
    assertEquals(0, outboxRowsMentioning(newKey), "no event");

    // The same key for the real batch is not a replay of the dry run: it writes.
    partner()
        .header("Idempotency-Key", "dry-" + newKey)
        .body(body)
        .when()
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue())
        .body("dryRun", equalTo(false))
        .body("results.status", contains("UPDATED", "CREATED"));
    assertEquals(1, outboxRowsMentioning(newKey));
  }

  @Test
  void theSnapshotAndTheFeedFromItsCursorTogetherMissNothingWrittenBetweenPages() {
    String first = sync(partner(), item("S-1", "name", "One")).path("results[0].id");
    sync(partner(), item("S-2", "name", "Two"), item("S-3", "name", "Three"));

    JsonPath page1 = snapshotPage(null);
    String feedCursor = page1.getString("feedCursor");
    List<Map<String, Object>> seen = new ArrayList<>(page1.getList("items"));
    // Written while the partner pages: an account it has read already, and a new one.
    patchName(first, 1, "One (renamed meanwhile)");
    sync(partner(), item("S-4", "name", "Four"));
    String next = page1.getString("nextCursor");
    while (next != null) {
      JsonPath page = snapshotPage(next);
      assertEquals(feedCursor, page.getString("feedCursor"), "one position for the whole read");
      seen.addAll(page.getList("items"));
      next = page.getString("nextCursor");
    }
    assertTrue(seen.size() >= 3, "every account that existed when the read began: " + seen);

    List<Map<String, Object>> after = changes(feedCursor, Map.of("source", source));
    assertEquals(
        List.of("UPDATED", "CREATED"), after.stream().map(c -> c.get("operation")).toList());
    assertEquals("One (renamed meanwhile)", ((Map<?, ?>) after.get(0).get("account")).get("name"));
    assertEquals("S-4", after.get(1).get("externalId"));
  }

  @Test
  void theSnapshotCursorIsBoundToItsSourceFilter() {
    sync(partner(), item("B-1", "name", "Any"), item("B-2", "name", "Any"));
    String next = snapshotPage(null).getString("nextCursor");
    partner()
        .queryParam("cursor", next)
        .queryParam("source", source + "-x")
        .when()
        .get("/api/v1/sync/accounts/snapshot")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private JsonPath snapshotPage(String cursor) {
    var request = partner().queryParam("source", source).queryParam("limit", 1);
    if (cursor != null) {
      request.queryParam("cursor", cursor);
    }
    return request
        .when()
        .get("/api/v1/sync/accounts/snapshot")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private int historySize(String id) {
    return asAdmin()
        .queryParam("limit", 500)
        .when()
        .get("/api/v1/accounts/" + id + "/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items")
        .size();
  }

  private int outboxRowsMentioning(String text) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*) from kam_chassis.outbox where strpos(payload, ?) > 0")) {
      ps.setString(1, text);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
