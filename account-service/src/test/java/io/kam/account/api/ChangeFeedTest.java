package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.createId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kam.account.testdata.Api;
import io.kam.account.testdata.Feed;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeFeedTest {

  @Test
  void carriesEveryChangeInOrderWithOriginStateAndTombstones() {
    String cursor = Feed.end();
    String id = createId(anAccount().named("Feed Co").withRef("crm", "F-" + UUID.randomUUID()));
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("{\"region\":\"APAC\"}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(200);
    asAdmin()
        .header("If-Match", "\"2\"")
        .when()
        .delete("/api/v1/accounts/" + id)
        .then()
        .statusCode(204);

    List<Map<String, Object>> mine =
        Feed.since(cursor).items().stream().filter(c -> id.equals(c.get("accountId"))).toList();
    assertEquals(
        List.of("CREATED", "UPDATED", "DELETED"),
        mine.stream().map(c -> c.get("operation")).toList());
    assertEquals(List.of(1, 2, 3), mine.stream().map(c -> c.get("version")).toList());
    assertEquals("user:admin-ada", mine.get(0).get("origin"));
    assertEquals("APAC", ((Map<?, ?>) mine.get(1).get("account")).get("region"));
    assertEquals("Feed Co", ((Map<?, ?>) mine.get(1).get("account")).get("name"));
    assertNull(mine.get(2).get("account"));
    assertNotNull(mine.get(2).get("externalId"));
  }

  @Test
  void aSyncShowsUpWithThePartnersOriginAndUnchangedItemsDoNot() {
    String cursor = Feed.end();
    Map<String, Object> item =
        Map.of("source", "crm", "externalId", "S-" + UUID.randomUUID(), "name", "Synced");
    Api.sync(Api.as("crm-bridge", "integration"), item);
    Api.sync(Api.as("crm-bridge", "integration"), item);
    var changes =
        Feed.since(cursor).items().stream()
            .filter(c -> item.get("externalId").equals(c.get("externalId")))
            .toList();
    assertEquals(1, changes.size());
    assertEquals("user:crm-bridge", changes.get(0).get("origin"));
  }

  @Test
  void aPartnerCanRecognizeItsOwnWritesByTheApiKeyOrigin() {
    String cursor = Feed.end();
    String ext = "K-" + UUID.randomUUID();
    String id =
        Api.sync(
                Api.asApiKey("crm-prod", "integration"),
                Map.of("source", "crm", "externalId", ext, "name", "Echo"))
            .path("results[0].id");
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("{\"region\":\"EMEA\"}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(200);
    var mine =
        Feed.since(cursor).items().stream().filter(c -> id.equals(c.get("accountId"))).toList();
    assertEquals(
        List.of("api-key:crm-prod", "user:admin-ada"),
        mine.stream().map(c -> c.get("origin")).toList());
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + id + "/history")
        .then()
        .body("items[-1].changedBy", org.hamcrest.Matchers.equalTo("api-key:crm-prod"));
  }

  @Test
  void anEmptyPageKeepsTheCursorAndAForgedCursorIs400() {
    String end = Feed.end();
    assertEquals(end, Feed.since(end).cursor());
    Api.as("crm-bridge", "integration")
        .queryParam("cursor", "bogus.cursor")
        .when()
        .get("/api/v1/sync/accounts/changes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void viewersAndKamsCannotReadTheFeed() {
    Api.as("v", "viewer").when().get("/api/v1/sync/accounts/changes").then().statusCode(403);
    Api.as("k", "kam").when().get("/api/v1/sync/accounts/changes").then().statusCode(403);
  }
}
