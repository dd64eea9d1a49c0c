package io.kam.kpi.api;

import static io.kam.kpi.testdata.Decimals.assertValue;
import static io.kam.kpi.testdata.Items.line;
import static io.kam.kpi.testdata.Items.lineByRef;
import static io.kam.kpi.testdata.Items.voidOf;
import static io.kam.kpi.testdata.Items.with;
import static io.kam.kpi.testdata.TestAccount.anAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kam.kpi.testdata.Api;
import io.kam.kpi.testdata.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Upserts, voids and pending lines; the KPIs follow every change. */
@QuarkusTest
class RevenueIngestTest {

  @Test
  void statusesFollowALineThroughCreateUpdateVoidAndRevive() {
    UUID id = anAccount().create().id();
    Map<String, Object> line = line(id, "2026-08-14", "ANALYTICS", "12500.00");

    assertEquals("CREATED", Api.putLines(line).get(0).get("status"));
    assertValue(Api.kpis(id, "2026-08"), "revenue", "12500");
    assertEquals(
        "UNCHANGED",
        Api.putLines(with(line, "amount", new BigDecimal("12500"))).get(0).get("status"));

    assertEquals(
        "UPDATED",
        Api.putLines(with(line, "amount", new BigDecimal("10000.5"))).get(0).get("status"));
    assertValue(Api.kpis(id, "2026-08"), "revenue", "10000.5");

    assertEquals("DELETED", Api.putLines(voidOf(line)).get(0).get("status"));
    assertValue(Api.kpis(id, "2026-08"), "revenue", "0");
    assertEquals("UNCHANGED", Api.putLines(voidOf(line)).get(0).get("status"));

    assertEquals(
        "CREATED", Api.putLines(with(line, "amount", new BigDecimal("7"))).get(0).get("status"));
    assertValue(Api.kpis(id, "2026-08"), "revenue", "7");
  }

  @Test
  void voidingAnUnknownKeyIsUnchanged() {
    Map<String, Object> result =
        Api.putLines(
                Map.of(
                    "source", "erp", "externalId", "never-" + UUID.randomUUID(), "deleted", true))
            .get(0);
    assertEquals("UNCHANGED", result.get("status"));
    assertNull(result.get("pending"));
  }

  /** 2026-07: 300; moving the line to 2026-09 leaves 2026-07 empty and 2026-09 at 300. */
  @Test
  void aLineMovedToAnotherMonthLeavesTheOldMonth() {
    UUID id = anAccount().create().id();
    Map<String, Object> line = line(id, "2026-07-31", "A", "300");
    Api.putLines(line);
    assertValue(Api.kpis(id, "2026-07"), "revenue", "300");

    assertEquals(
        "UPDATED",
        Api.putLines(with(line, "date", "2026-09-01", "productLine", "B")).get(0).get("status"));

    assertValue(Api.kpis(id, "2026-07"), "revenue", "0");
    JsonPath september = Api.kpis(id, "2026-09");
    assertValue(september, "revenue", "300");
    assertValue(Api.kpis(id, "2026-Q3"), "revenue", "300");
  }

  /** A line may move to another account: the first loses it, the second gains it. */
  @Test
  void aLineMovedToAnotherAccountLeavesTheFirst() {
    UUID first = anAccount().create().id();
    UUID second = anAccount().create().id();
    Map<String, Object> line = line(first, "2026-07-01", "A", "40");
    Api.putLines(line);

    Api.putLines(with(line, "accountId", second.toString()));

    assertValue(Api.kpis(first, "2026-07"), "revenue", "0");
    assertValue(Api.kpis(second, "2026-07"), "revenue", "40");
  }

  @Test
  void aLineThatArrivedBeforeItsAccountCountsOnceTheAccountIsKnown() {
    String externalId = "A-" + UUID.randomUUID();
    Map<String, Object> early = lineByRef("crm", externalId, "2026-09-03", "A", "250.25");
    Map<String, Object> result = Api.putLines(early).get(0);
    assertEquals("CREATED", result.get("status"));
    assertEquals(Boolean.TRUE, result.get("pending"));
    // Still pending: an unchanged upsert says so again.
    assertEquals(Boolean.TRUE, Api.putLines(early).get(0).get("pending"));

    TestAccount account = anAccount().withExternalRef("crm", externalId).create();

    assertValue(Api.kpis(account.id(), "2026-09"), "revenue", "250.25");
    Map<String, Object> later =
        Api.putLines(lineByRef("crm", externalId, "2026-09-04", "A", "1")).get(0);
    assertNull(later.get("pending"));
    assertValue(Api.kpis(account.id(), "2026-09"), "revenue", "251.25");
  }

  @Test
  void aLineNamingAnUnknownAccountIdIsPendingUntilThatAccountArrives() {
    TestAccount account = anAccount();
    assertEquals(
        Boolean.TRUE,
        Api.putLines(line(account.id(), "2026-07-03", "A", "10")).get(0).get("pending"));
    account.create();
    assertValue(Api.kpis(account.id(), "2026-07"), "revenue", "10");
  }

  /**
   * A deleted account vanishes; items naming it are rejected; created again (same CRM reference,
   * new id) it is a new account and starts empty.
   */
  @Test
  void aDeletedAccountRejectsItemsAndACreatedAgainAccountStartsEmpty() {
    String externalId = "A-" + UUID.randomUUID();
    TestAccount old = anAccount().withExternalRef("crm", externalId).create();
    Api.putLines(lineByRef("crm", externalId, "2026-08-01", "A", "500"));
    old.delete();

    Map<String, Object> byId = Api.putLines(line(old.id(), "2026-08-02", "A", "1")).get(0);
    assertEquals("REJECTED", byId.get("status"));
    assertEquals(
        "REJECTED",
        Api.putLines(lineByRef("crm", externalId, "2026-08-02", "A", "1")).get(0).get("status"));

    TestAccount again = anAccount().withExternalRef("crm", externalId).create();
    assertValue(Api.kpis(again.id(), "2026-08"), "revenue", "0");
    Api.putLines(lineByRef("crm", externalId, "2026-08-03", "A", "2"));
    assertValue(Api.kpis(again.id(), "2026-08"), "revenue", "2");
  }

  @Test
  void listsLinesOfAnAccountByDateWithCursorPaging() {
    UUID id = anAccount().create().id();
    Api.putLines(
        line(id, "2026-03-01", "A", "1"),
        line(id, "2026-01-01", "A", "2"),
        line(id, "2026-02-01", "A", "3"),
        line(id, "2025-12-31", "A", "4"));

    JsonPath first =
        Api.viewer()
            .queryParam("accountId", id.toString())
            .queryParam("from", "2026-01-01")
            .queryParam("limit", "2")
            .when()
            .get("/api/v1/revenue-lines")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of("2026-01-01", "2026-02-01"), first.getList("items.date"));
    JsonPath second =
        Api.viewer()
            .queryParam("accountId", id.toString())
            .queryParam("from", "2026-01-01")
            .queryParam("limit", "2")
            .queryParam("cursor", first.getString("nextCursor"))
            .when()
            .get("/api/v1/revenue-lines")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of("2026-03-01"), second.getList("items.date"));
    assertNull(second.get("nextCursor"));
    Api.viewer()
        .queryParam("cursor", "forged")
        .when()
        .get("/api/v1/revenue-lines")
        .then()
        .statusCode(400);
    Api.viewer()
        .queryParam("accountId", "nope")
        .when()
        .get("/api/v1/revenue-lines")
        .then()
        .statusCode(400);
  }
}
