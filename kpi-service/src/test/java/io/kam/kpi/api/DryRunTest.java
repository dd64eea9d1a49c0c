package io.kam.kpi.api;

import static io.kam.kpi.testdata.Decimals.assertValue;
import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.nps;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.kpi.testdata.Api;
import io.kam.kpi.testdata.SnapshotEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ?dryRun=true answers the per-item results and leaves no trace. */
@QuarkusTest
class DryRunTest {

  private static List<Map<String, Object>> dryRun(String path, String key, Object... items) {
    var request = Api.integration().queryParam("dryRun", "true");
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request
        .body(Map.of("items", List.of(items)))
        .when()
        .put(path)
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", nullValue())
        .extract()
        .jsonPath()
        .getList("results");
  }

  @Test
  void aDryRunOfRevenueLinesAnswersTheResultsAndWritesNothing() {
    UUID id = anAccount().withWallet("1000").create().id();
    String key = "dry-" + UUID.randomUUID();
    Map<String, Object> dry = line(id, "2026-09-10", "A", "999");

    assertEquals("CREATED", dryRun("/api/v1/revenue-lines", key, dry).get(0).get("status"));

    Api.viewer()
        .queryParam("accountId", id.toString())
        .when()
        .get("/api/v1/revenue-lines")
        .then()
        .statusCode(200)
        .body("items", empty());
    assertValue(Api.kpis(id, "2026-09"), "revenue", "0");
    // The key of a dry run is not recorded: the real write with it is a first write.
    Map<String, Object> real = line(id, "2026-09-10", "A", "100");
    Api.integration()
        .header("Idempotency-Key", key)
        .body(Map.of("items", List.of(real)))
        .when()
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(200)
        .header("Idempotent-Replayed", nullValue())
        .body("results[0].status", equalTo("CREATED"));
    assertValue(Api.kpis(id, "2026-09"), "revenue", "100");
    assertEquals("UNCHANGED", dryRun("/api/v1/revenue-lines", null, real).get(0).get("status"));

    // Events: the account's first snapshot, then the real write's; none from the dry runs.
    List<JsonNode> events = SnapshotEvents.awaitCount(id, 2);
    assertEquals(0, events.get(0).at("/data/t12mRevenue").decimalValue().signum());
    assertEquals(
        0, events.get(1).at("/data/t12mRevenue").decimalValue().compareTo(new BigDecimal("100")));
  }

  @Test
  void aDryRunOfSurveyResponsesAnswersTheResultsAndWritesNothing() {
    UUID id = anAccount().create().id();
    Map<String, Object> response = nps(id, "2026-03-01T00:00:00Z", 10);

    assertEquals(
        "CREATED", dryRun("/api/v1/survey-responses", null, response).get(0).get("status"));

    assertValue(Api.kpis(id, "2026-09"), "npsT12m", "null");
    assertEquals("CREATED", Api.putSurveys(response).get(0).get("status"));
    assertValue(Api.kpis(id, "2026-09"), "npsT12m", "100");
  }
}
