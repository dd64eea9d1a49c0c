package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One call per list page: the gateway composes account-service's page with scoring's and kpi's
 * batch reads, keeping the list's filters, sort and cursors.
 */
class AccountListIncludeIT {

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  private RequestSpecification admin() {
    return given()
        .baseUri(sut.gatewayUrl())
        .header("Authorization", "Bearer " + sut.token("admin-ada", "admin"));
  }

  private String create(String owner, String name) {
    return admin()
        .contentType("application/json")
        .body(
            "{\"name\":\""
                + name
                + "\",\"ownerId\":\""
                + owner
                + "\",\"country\":\"DE\",\"potentialAnnualSpend\":250000,"
                + "\"assessment\":{\"strategicAlignment\":4,\"marketInfluence\":3,\"fit\":4,\"partnership\":3}}")
        .post("/api/v1/accounts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aListPageCarriesEachAccountsScoreAndKpisAndPagesLikeThePlainList() {
    String owner = "kam-include-" + UUID.randomUUID().toString().substring(0, 8);
    String first = create(owner, "Include A " + owner);
    String second = create(owner, "Include B " + owner);
    String page1 =
        "/api/v1/accounts?ownerId="
            + owner
            + "&sort=name&limit=1&include=score,kpis&period=2026-Q3";

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonPath p = admin().get(page1).then().statusCode(200).extract().jsonPath();
              return p.get("items[0].score") != null && p.get("items[0].kpis") != null;
            });

    Response composed = admin().get(page1);
    JsonPath body = composed.jsonPath();
    assertEquals(List.of(first), body.getList("items.id"));
    assertEquals(first, body.getString("items[0].score.accountId"));
    assertEquals(first, body.getString("items[0].kpis.accountId"));
    assertEquals(List.of(), body.getList("warnings"));
    assertNotNull(composed.header("ETag"));

    Map<String, Object> plain =
        admin().get("/api/v1/accounts?ownerId=" + owner + "&sort=name&limit=1").jsonPath().get();
    Map<String, Object> account = body.getMap("items[0]");
    @SuppressWarnings("unchecked")
    Map<String, Object> plainAccount = ((List<Map<String, Object>>) plain.get("items")).get(0);
    plainAccount.forEach(
        (field, value) -> assertEquals(value, account.get(field), "the account's own " + field));

    String cursor = body.getString("nextCursor");
    assertNotNull(cursor, "a second page");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              JsonPath p =
                  admin()
                      .queryParam("cursor", cursor)
                      .get(page1)
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
              assertEquals(List.of(second), p.getList("items.id"));
              return p.get("items[0].score") != null && p.get("items[0].kpis") != null;
            });

    admin().header("If-None-Match", composed.header("ETag")).get(page1).then().statusCode(304);
  }

  @Test
  void anUnknownPartIsABadRequest() {
    admin()
        .get("/api/v1/accounts?include=score,contacts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("contacts"));
  }

  @Test
  void mineKeepsToTheCallersAccounts() {
    String owner = "kam-mine-" + UUID.randomUUID().toString().substring(0, 8);
    String id = create(owner, "Mine " + owner);
    JsonPath p =
        given()
            .baseUri(sut.gatewayUrl())
            .header("Authorization", "Bearer " + sut.token(owner, "kam"))
            .get("/api/v1/accounts?mine=true&include=score&limit=500")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(id), p.getList("items.id"));
    assertTrue(p.getMap("items[0]").containsKey("score"));
  }
}
