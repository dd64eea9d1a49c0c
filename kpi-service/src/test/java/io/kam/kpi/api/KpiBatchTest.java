package io.kam.kpi.api;

import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.nps;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.kpi.testdata.Api;
import io.kam.kpi.testdata.TestAccount;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** GET /api/v1/kpis?accountIds=: the KPIs of a list page in one call. */
@QuarkusTest
class KpiBatchTest {

  @Test
  void answersEachAccountExactlyAsTheSingleReadInTheOrderAskedWithoutUnknownOnes() {
    UUID a = anAccount().withWallet("5000").create().id();
    UUID b = anAccount().create().id();
    TestAccount deleted = anAccount().create();
    Api.putLines(
        line(a, "2025-08-10", "A", "100"),
        line(a, "2026-08-10", "A", "300"),
        line(a, "2026-09-10", "B", "50"),
        line(b, "2026-05-10", "A", "70"),
        line(b, "2026-07-10", "A", "-20"));
    Api.putSurveys(nps(a, "2026-08-01T00:00:00Z", 10), nps(b, "2025-01-01T00:00:00Z", 3));
    deleted.delete();

    List<Map<String, Object>> items =
        batch(List.of(b, UUID.randomUUID(), a, deleted.id(), b), "2026-Q3");

    assertEquals(2, items.size());
    assertEquals(single(b, "2026-Q3"), items.get(0));
    assertEquals(single(a, "2026-Q3"), items.get(1));
    assertEquals(b.toString(), items.get(0).get("accountId"));
    assertEquals(List.of("SURVEY"), ((Map<?, ?>) items.get(0).get("freshness")).get("stale"));
    assertEquals(List.of(), ((Map<?, ?>) items.get(1).get("freshness")).get("stale"));
  }

  @Test
  void takesTheDefaultPeriodOfTheSingleRead() {
    UUID a = anAccount().create().id();

    List<Map<String, Object>> items = batch(List.of(a), null);

    assertEquals("2026-Q3", items.get(0).get("period"));
  }

  @Test
  void refusesMissingMalformedOrTooManyIds() {
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      tooMany.add(UUID.randomUUID().toString());
    }
    for (String bad :
        List.of(
            "",
            "not-a-uuid",
            UUID.randomUUID() + ",",
            UUID.randomUUID() + ",x",
            String.join(",", tooMany))) {
      Api.viewer()
          .queryParam("accountIds", bad)
          .when()
          .get("/api/v1/kpis")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("accountIds"));
    }
    Api.viewer().when().get("/api/v1/kpis").then().statusCode(400);
    Api.viewer()
        .queryParam("accountIds", UUID.randomUUID().toString())
        .queryParam("period", "2026-Q5")
        .when()
        .get("/api/v1/kpis")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("period"));
  }

  /**
   * 500 accounts with 3 lines each: the whole page is computed in six queries (see
   * AccountKpiService.batch), so its time is logged, never asserted.
   */
  @Test
  void answersAPageOf500Accounts() {
    List<TestAccount> accounts = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      accounts.add(anAccount().withWallet("1000").announce());
    }
    List<UUID> ids = accounts.stream().map(TestAccount::id).collect(Collectors.toList());
    await().atMost(Duration.ofSeconds(60)).until(() -> batch(ids, "2026-Q3").size() == ids.size());
    List<Object> lines = new ArrayList<>();
    for (UUID id : ids) {
      lines.add(line(id, "2026-07-01", "A", "10"));
      lines.add(line(id, "2026-08-01", "B", "20"));
      lines.add(line(id, "2025-08-01", "A", "5"));
    }
    Api.putLines(lines.toArray());
    Collections.shuffle(ids);

    long start = System.nanoTime();
    List<Map<String, Object>> items = batch(ids, "2026-Q3");
    long millis = (System.nanoTime() - start) / 1_000_000;

    Log.infof("GET /api/v1/kpis with 500 ids answered in %d ms", millis);
    assertEquals(500, items.size());
    assertEquals(ids.get(0).toString(), items.get(0).get("accountId"));
    assertEquals(single(ids.get(0), "2026-Q3"), items.get(0));
    assertEquals(single(ids.get(499), "2026-Q3"), items.get(499));
  }

  private static List<Map<String, Object>> batch(List<UUID> ids, String period) {
    return Api.viewer()
        .queryParam("accountIds", ids.stream().map(UUID::toString).collect(Collectors.joining(",")))
        .queryParam("period", period)
        .when()
        .get("/api/v1/kpis")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items");
  }

  private static Map<String, Object> single(UUID id, String period) {
    return Api.viewer()
        .queryParam("period", period)
        .when()
        .get("/api/v1/accounts/{id}/kpis", id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getMap("");
  }
}
