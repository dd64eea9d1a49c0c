package io.kam.kpi.api;

import static io.kam.kpi.testdata.Items.lineByRef;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.kpi.testdata.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Items waiting for their account: listed with the reference they wait for, and why they wait. */
@QuarkusTest
class PendingItemsTest {

  private static final Set<String> REASONS =
      Set.of("ACCOUNT_NOT_YET_PROPAGATED", "ACCOUNT_UNKNOWN");

  @Test
  void aLineForAnAccountNotKnownIsListedAsPendingWithItsReferenceUntilTheAccountArrives() {
    String ref = "CRM-" + UUID.randomUUID();
    Map<String, Object> line = lineByRef("crm", ref, "2026-07-01", "A", "10");

    Map<String, Object> result = Api.putLines(line).get(0);
    assertEquals("CREATED", result.get("status"));
    assertEquals(true, result.get("pending"));
    assertTrue(REASONS.contains(result.get("pendingReason")), result.toString());

    Map<String, Object> listed =
        find("/api/v1/revenue-lines", line.get("externalId")).orElseThrow();
    assertEquals("crm", listed.get("accountSource"));
    assertEquals(ref, listed.get("accountExternalId"));
    assertEquals(true, listed.get("pending"));
    // Once every account event published so far is consumed, nothing names it: unknown.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "ACCOUNT_UNKNOWN"
                    .equals(
                        find("/api/v1/revenue-lines", line.get("externalId"))
                            .orElseThrow()
                            .get("pendingReason")));

    anAccount().withExternalRef("crm", ref).create();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> find("/api/v1/revenue-lines", line.get("externalId")).isEmpty());
  }

  @Test
  void aSurveyResponseForAnAccountNotKnownIsListedAsPending() {
    String ref = "CRM-" + UUID.randomUUID();
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("source", "survey-tool");
    response.put("externalId", "R-" + UUID.randomUUID());
    response.put("accountSource", "crm");
    response.put("accountExternalId", ref);
    response.put("kind", "NPS");
    response.put("score", 9);
    response.put("respondedAt", "2026-07-01T10:00:00Z");

    Map<String, Object> result = Api.putSurveys(response).get(0);
    assertEquals(true, result.get("pending"));
    assertTrue(REASONS.contains(result.get("pendingReason")), result.toString());

    Map<String, Object> listed =
        find("/api/v1/survey-responses", response.get("externalId")).orElseThrow();
    assertEquals(ref, listed.get("accountExternalId"));
    assertEquals("NPS", listed.get("kind"));
    assertEquals(9, listed.get("score"));
    assertTrue(REASONS.contains(listed.get("pendingReason")), listed.toString());
  }

  @Test
  void aKnownAccountsLineIsNeitherPendingNorListedAsPending() {
    UUID id = anAccount().create().id();
    Map<String, Object> line = io.kam.kpi.testdata.Items.line(id, "2026-07-01", "A", "10");

    Map<String, Object> result = Api.putLines(line).get(0);

    assertNull(result.get("pending"));
    assertNull(result.get("pendingReason"));
    assertTrue(find("/api/v1/revenue-lines", line.get("externalId")).isEmpty());
  }

  @Test
  void theStatusFilterTakesOnlyPendingAndNoOtherFilter() {
    Api.viewer().queryParam("status", "DONE").get("/api/v1/revenue-lines").then().statusCode(400);
    Api.viewer()
        .queryParam("status", "PENDING")
        .queryParam("accountId", UUID.randomUUID().toString())
        .get("/api/v1/revenue-lines")
        .then()
        .statusCode(400);
    Api.viewer().get("/api/v1/survey-responses").then().statusCode(400);
  }

  /** Pages through the pending items of a list (other tests add theirs) for one external id. */
  private static Optional<Map<String, Object>> find(String list, Object externalId) {
    String cursor = null;
    do {
      var request = Api.viewer().queryParam("status", "PENDING").queryParam("limit", "500");
      if (cursor != null) {
        request = request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get(list).then().statusCode(200).extract().jsonPath();
      List<Map<String, Object>> items = new ArrayList<>(page.getList("items"));
      for (Map<String, Object> item : items) {
        if (externalId.equals(item.get("externalId"))) {
          return Optional.of(item);
        }
      }
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    return Optional.empty();
  }
}
