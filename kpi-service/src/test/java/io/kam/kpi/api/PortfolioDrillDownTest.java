package io.kam.kpi.api;

import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.kpi.testdata.Api;
import io.kam.kpi.testdata.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/portfolio/kpis/accounts: the accounts behind each portfolio count, on a segment (one
 * owner) with churned, new, returning, credit-only, parent/child, deleted and tied accounts.
 */
@QuarkusTest
class PortfolioDrillDownTest {

  /**
   * P = 2026-Q3, P-1 = 2026-Q2. Active in P: parent 200, child 50 (first revenue: new), returning
   * 70 (revenue in 2025, none in Q2: not new), creditThenNew 80 (only a credit before: new), tie1
   * 200 and tie2 200 (first revenue: new) -> 6, top 20 % = ceil(1.2) = 2 of the three at 200.
   * Churned: lost 300 (nothing in P), creditChurn 100 (P nets -30). Not counted anywhere:
   * creditOnly (-10 in P), idle, and the deleted account (active in both).
   */
  @Test
  void eachSetIsExactlyWhatItsCountCounts() {
    String owner = "kam-drill-" + UUID.randomUUID();
    TestAccount parent = account(owner);
    TestAccount child = anAccount().ownedBy(owner).childOf(parent).create();
    TestAccount lost = account(owner);
    TestAccount creditChurn = account(owner);
    TestAccount returning = account(owner);
    TestAccount creditOnly = account(owner);
    TestAccount creditThenNew = account(owner);
    account(owner); // idle
    TestAccount tie1 = account(owner);
    TestAccount tie2 = account(owner);
    TestAccount deleted = account(owner);
    Api.putLines(
        line(parent.id(), "2026-05-01", "A", "100"),
        line(parent.id(), "2026-08-01", "A", "200"),
        line(child.id(), "2026-09-01", "A", "50"),
        line(lost.id(), "2026-04-01", "A", "300"),
        line(creditChurn.id(), "2026-06-01", "A", "100"),
        line(creditChurn.id(), "2026-07-01", "A", "50"),
        line(creditChurn.id(), "2026-07-02", "A", "-80"),
        line(returning.id(), "2025-02-01", "A", "100"),
        line(returning.id(), "2026-09-30", "A", "70"),
        line(creditOnly.id(), "2026-08-01", "A", "-10"),
        line(creditThenNew.id(), "2026-01-01", "A", "-50"),
        line(creditThenNew.id(), "2026-07-01", "A", "80"),
        line(tie1.id(), "2026-07-01", "A", "200"),
        line(tie2.id(), "2026-09-01", "B", "200"),
        line(deleted.id(), "2026-05-01", "A", "100"),
        line(deleted.id(), "2026-08-01", "A", "100"));
    deleted.delete();

    JsonPath kpis = Api.portfolio("2026-Q3", owner);
    Map<String, List<Map<String, Object>>> sets = new java.util.HashMap<>();
    for (String metric : List.of("ACTIVE", "NEW", "CHURNED", "TOP20")) {
      sets.put(metric, all(metric, owner));
    }

    assertEquals(6, kpis.getInt("activeAccounts"));
    assertEquals(kpis.getInt("activeAccounts"), sets.get("ACTIVE").size());
    assertEquals(kpis.getInt("newAccounts"), sets.get("NEW").size());
    assertEquals(kpis.getInt("churnedAccounts"), sets.get("CHURNED").size());
    assertEquals(2, sets.get("TOP20").size());
    assertEquals(
        Set.of(parent.id(), child.id(), returning.id(), creditThenNew.id(), tie1.id(), tie2.id()),
        ids(sets.get("ACTIVE")));
    assertEquals(
        Set.of(child.id(), creditThenNew.id(), tie1.id(), tie2.id()), ids(sets.get("NEW")));
    assertEquals(Set.of(lost.id(), creditChurn.id()), ids(sets.get("CHURNED")));
    // top20Share = the TOP20 set's revenue over the active set's.
    BigDecimal top = sum(sets.get("TOP20"));
    BigDecimal active = sum(sets.get("ACTIVE"));
    assertEquals(0, new BigDecimal("400").compareTo(top));
    assertEquals(
        0,
        kpis.getObject("top20Share", BigDecimal.class)
            .compareTo(top.divide(active, java.math.MathContext.DECIMAL64)));
    // Largest figure first; a churned account shows what it had in P-1.
    Map<String, Object> first = sets.get("CHURNED").get(0);
    assertEquals(lost.id().toString(), first.get("accountId"));
    assertEquals(
        0, new BigDecimal("300").compareTo(new BigDecimal(first.get("revenue").toString())));
    assertEquals("2026-Q2", first.get("revenuePeriod"));
    assertEquals("Account " + lost.id(), first.get("name"));
    assertEquals(owner, first.get("ownerId"));
    assertEquals("2026-Q3", sets.get("NEW").get(0).get("revenuePeriod"));
  }

  @Test
  void refusesAMissingOrUnknownMetricAndAForeignCursor() {
    Api.viewer()
        .when()
        .get("/api/v1/portfolio/kpis/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("metric"));
    Api.viewer()
        .queryParam("metric", "LOST")
        .when()
        .get("/api/v1/portfolio/kpis/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("metric"));
    String owner = "kam-drill-" + UUID.randomUUID();
    for (int i = 0; i < 2; i++) {
      Api.putLines(line(account(owner).id(), "2026-08-01", "A", "10"));
    }
    String cursor = page("ACTIVE", owner, null).getString("nextCursor");
    Api.viewer()
        .queryParam("metric", "NEW")
        .queryParam("ownerId", owner)
        .queryParam("period", "2026-Q3")
        .queryParam("limit", 1)
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/portfolio/kpis/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("cursor"));
  }

  private static TestAccount account(String owner) {
    return anAccount().ownedBy(owner).create();
  }

  /** Every item of the set, one page of one at a time. */
  private static List<Map<String, Object>> all(String metric, String owner) {
    List<Map<String, Object>> items = new ArrayList<>();
    String cursor = null;
    do {
      JsonPath page = page(metric, owner, cursor);
      assertEquals(metric, page.getString("metric"));
      items.addAll(page.getList("items"));
      cursor = page.getString("nextCursor");
      if (cursor == null) {
        assertEquals(page.getInt("total"), items.size());
      }
    } while (cursor != null);
    return items;
  }

  private static JsonPath page(String metric, String owner, String cursor) {
    return Api.viewer()
        .queryParam("metric", metric)
        .queryParam("ownerId", owner)
        .queryParam("period", "2026-Q3")
        .queryParam("limit", 1)
        .queryParam("cursor", cursor)
        .when()
        .get("/api/v1/portfolio/kpis/accounts")
        .then()
        .statusCode(200)
        .extract()
        .asString()
        .transform(Api::exact);
  }

  private static Set<UUID> ids(List<Map<String, Object>> items) {
    Set<UUID> ids = new HashSet<>();
    items.forEach(i -> ids.add(UUID.fromString((String) i.get("accountId"))));
    return ids;
  }

  private static BigDecimal sum(List<Map<String, Object>> items) {
    return items.stream()
        .map(i -> new BigDecimal(i.get("revenue").toString()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
