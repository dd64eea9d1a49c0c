package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kpi-service's copy of the accounts is rebuilt from kam.account.events and kam.score.events by the
 * admin operation (emptied, then the topics replayed from the beginning) on the shared system: the
 * rebuilt table equals the one before row for row, an account's KPIs are the same, and the service
 * kept answering while it rebuilt.
 */
class ReadModelRebuildIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String COLUMNS =
      "id, source, external_id, parent_id, owner_id, industry, country, region, wallet, tier,"
          + " account_type, deleted";
  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  private RequestSpecification as(String user, String... roles) {
    return given()
        .baseUri(sut.gatewayUrl())
        .header("Authorization", "Bearer " + sut.token(user, roles));
  }

  @Test
  void rebuildingKpisAccountsFromTheTopicsGivesBackTheSameReadModel() throws Exception {
    List<String> ids = sync("first");
    sync("second"); // the same accounts updated: an owner change each
    String deleted = ids.get(2);
    String etag = as("admin", "admin").get("/api/v1/accounts/" + deleted).header("ETag");
    as("admin", "admin")
        .header("If-Match", etag)
        .delete("/api/v1/accounts/" + deleted)
        .then()
        .statusCode(204);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> kpisStatus(ids.get(0)) == 200 && kpisStatus(deleted) == 404);
    awaitCaughtUp();
    List<Map<String, Object>> before = accountsOfKpi();
    String kpisBefore = kpis(ids.get(0));
    assertTrue(
        before.stream().anyMatch(r -> ids.get(1).equals(String.valueOf(r.get("id")))),
        "kpi knows the synced accounts before the rebuild");

    as("admin", "admin")
        .post("/api/v1/admin/kpi/read-models/accounts/rebuild")
        .then()
        .statusCode(202)
        .body("readModel", org.hamcrest.Matchers.is("accounts"));
    TreeSet<Integer> answeredDuringRebuild = new TreeSet<>();
    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              answeredDuringRebuild.add(kpisStatus(ids.get(1)));
              Response s = as("admin", "admin").get("/api/v1/admin/kpi/read-models/accounts");
              assertEquals(200, s.statusCode(), s.asString());
              assertFalse("FAILED".equals(s.path("state")), s.asString());
              return "DONE".equals(s.path("state"));
            });
    // The account's KPIs are answered throughout: 200, or 404 for the moment it is not back yet.
    assertTrue(
        only200or404(answeredDuringRebuild),
        "kpi answered during the rebuild with " + answeredDuringRebuild);
    assertTrue(
        as("admin", "admin").get("/api/v1/admin/kpi/read-models/accounts").path("eventsReplayed")
                instanceof Integer n
            && n >= 7,
        "the rebuild replayed at least this test's events");

    awaitCaughtUp();
    assertEquals(before, accountsOfKpi(), "kpi's accounts after the rebuild");
    assertEquals(kpisBefore, kpis(ids.get(0)), "KPIs of an account after the rebuild");
    as("admin", "admin")
        .post("/api/v1/admin/kpi/read-models/nothing/rebuild")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as("kam-anna", "kam")
        .post("/api/v1/admin/kpi/read-models/accounts/rebuild")
        .then()
        .statusCode(403);
  }

  private static boolean only200or404(TreeSet<Integer> statuses) {
    return !statuses.isEmpty() && List.of(200, 404).containsAll(statuses);
  }

  /** Three accounts synced from a CRM, the second round changing their owner. */
  private List<String> sync(String round) throws Exception {
    String owner = round.equals("first") ? "kam-anna" : "kam-ben";
    List<Map<String, Object>> items =
        IntStream.range(0, 3)
            .mapToObj(
                i ->
                    Map.<String, Object>of(
                        "source",
                        "rebuild-it",
                        "externalId",
                        RUN + "-" + i,
                        "name",
                        "Rebuild " + RUN + " " + i,
                        "country",
                        "DE",
                        "ownerId",
                        owner))
            .toList();
    return as("crm-bot", "integration")
        .contentType("application/json")
        .body(JSON.writeValueAsString(Map.of("items", items)))
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("results.id", String.class);
  }

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private int kpisStatus(String id) {
    return as("admin", "admin").get("/api/v1/accounts/" + id + "/kpis?period=2026-Q3").statusCode();
  }

  private String kpis(String id) throws Exception {
    Response r = as("admin", "admin").get("/api/v1/accounts/" + id + "/kpis?period=2026-Q3");
    assertEquals(200, r.statusCode(), r.asString());
    JsonNode n = JSON.readTree(r.asString());
    return JSON.writeValueAsString(n);
  }

  /** The whole read model, as kpi's database holds it (without the row's last write time). */
  private List<Map<String, Object>> accountsOfKpi() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(sut.platform().jdbcUrl("kpi"), "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select " + COLUMNS + " from account order by id")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.put(
              md.getColumnName(i),
              v instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private void awaitCaughtUp() {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                lag("kpi-service", "kam.account.events") == 0
                    && lag("kpi-service", "kam.score.events") == 0
                    && lag("scoring-service", "kam.account.events") == 0);
  }

  /** Messages of {@code topic} the group has not committed yet, from Kafka's admin API. */
  private long lag(String group, String topic) throws Exception {
    return ConsumerLag.of(sut.platform().bootstrapServers(), group, topic);
  }
}
