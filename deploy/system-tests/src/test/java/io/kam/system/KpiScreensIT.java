package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kpi-service reads behind one-call screens, through the gateway on the shared system: the
 * batch KPIs of a list page, the snapshot read and the portfolio drill-down and timeseries. Dates
 * are fixed (2026-08 revenue, period 2026-Q3) so a clock moved forward by another test changes
 * nothing asserted here.
 */
class KpiScreensIT {

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  private RequestSpecification admin() {
    return given()
        .baseUri(sut.gatewayUrl())
        .header("Authorization", "Bearer " + sut.token("admin-kpi-it", "admin"));
  }

  @Test
  void aListPageASnapshotAndADrillDownAreOneCallEach() {
    String owner = "kam-kpi-it-" + UUID.randomUUID();
    String name = "Screens AG " + UUID.randomUUID();
    String id =
        admin()
            .contentType("application/json")
            .body(
                "{\"name\":\""
                    + name
                    + "\",\"ownerId\":\""
                    + owner
                    + "\",\"country\":\"DE\",\"industry\":\"MANUFACTURING\"}")
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> admin().get("/api/v1/accounts/" + id + "/kpis").statusCode() == 200);
    admin()
        .contentType("application/json")
        .body(
            "{\"items\":[{\"source\":\"erp-it\",\"externalId\":\"INV-"
                + UUID.randomUUID()
                + "\",\"accountId\":\""
                + id
                + "\",\"date\":\"2026-08-10\",\"productLine\":\"A\",\"amount\":1200.50}]}")
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(200)
        .body("results[0].status", equalTo("CREATED"));

    admin()
        .queryParam("accountIds", id + "," + UUID.randomUUID())
        .queryParam("period", "2026-Q3")
        .get("/api/v1/kpis")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].accountId", equalTo(id))
        .body("items[0].revenue", equalTo(1200.5f))
        .body("items[0].lastRevenueMonth", equalTo("2026-08"))
        .body("items[0].freshness.thresholds.revenueMonths", equalTo(3));
    admin()
        .get("/api/v1/accounts/" + id + "/kpis/snapshot")
        .then()
        .statusCode(200)
        .body("asOfMonth", notNullValue())
        .body("lastRevenueMonth", equalTo("2026-08"))
        .body("freshness.stale", notNullValue());
    admin()
        .queryParam("metric", "ACTIVE")
        .queryParam("period", "2026-Q3")
        .queryParam("ownerId", owner)
        .get("/api/v1/portfolio/kpis/accounts")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].accountId", equalTo(id))
        .body("items[0].name", equalTo(name))
        .body("items[0].ownerId", equalTo(owner));
    admin()
        .queryParam("from", "2026-07")
        .queryParam("to", "2026-09")
        .queryParam("ownerId", owner)
        .get("/api/v1/portfolio/kpis/timeseries")
        .then()
        .statusCode(200)
        .body("items", hasSize(3))
        .body("items[1].period", equalTo("2026-08"))
        .body("items[1].activeAccounts", equalTo(1));
  }
}
