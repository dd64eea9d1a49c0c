package io.kam.planning.api;

import static io.kam.planning.testdata.Api.asManager;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Input PostgreSQL could not store, or a client did not mean, is a 400 problem naming the field.
 */
@QuarkusTest
class HostileInputTest {

  private static String plan(String title, String start, String extra) {
    return "{\"accountId\":\""
        + UUID.randomUUID()
        + "\",\"title\":\""
        + title
        + "\",\"period\":{\"start\":\""
        + start
        + "\",\"end\":\"2027-06-30\"}"
        + extra
        + "}";
  }

  private static void post400(String body, String field, String message) {
    asManager()
        .body(body)
        .post("/api/v1/plans")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field))
        .body("errors[0].message", containsString(message));
  }

  @Test
  void nulInATitleIs400NamingTheField() {
    post400(plan("Grow\\u0000", "2026-07-01", ""), "title", "cannot be stored");
  }

  @Test
  void unknownFieldIs400NamingIt() {
    post400(plan("Grow", "2026-07-01", ",\"titel\":\"x\""), "titel", "unknown field");
  }

  @Test
  void overlongTitleIs400() {
    post400(plan("t".repeat(10_001), "2026-07-01", ""), "title", "at most");
  }

  @Test
  void periodStartOutsideTheYears1To9999Is400() {
    post400(plan("Grow", "0000-07-01", ""), "period.start", "between the years");
    post400(
        plan("Grow", "2026-07-01", ",\"nextReviewAt\":\"+10000-01-01T00:00:00Z\""),
        "nextReviewAt",
        "");
  }

  @Test
  void nulInAQueryParameterIs400NamingIt() {
    asManager()
        .urlEncodingEnabled(false)
        .get("/api/v1/plans?ownerId=a%00b")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("ownerId"));
  }
}
