package io.kam.scoring.api;

import static io.kam.scoring.testdata.Api.manager;
import static io.kam.scoring.testdata.Api.viewer;
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

  private static void designate400(String body, String field, String message) {
    manager()
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body(body)
        .put("/api/v1/accounts/{id}/designation", UUID.randomUUID())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field))
        .body("errors[0].message", containsString(message));
  }

  @Test
  void nulInAReasonIs400NamingTheField() {
    designate400("{\"tier\":\"KEY\",\"reason\":\"because\\u0000\"}", "reason", "cannot be stored");
  }

  @Test
  void unknownFieldIs400NamingIt() {
    designate400(
        "{\"tier\":\"KEY\",\"reason\":\"r\",\"reasn\":\"typo\"}", "reasn", "unknown field");
  }

  @Test
  void overlongReasonIs400() {
    designate400(
        "{\"tier\":\"KEY\",\"reason\":\"" + "r".repeat(10_001) + "\"}", "reason", "at most");
  }

  @Test
  void endDateOutsideTheYears1To9999Is400() {
    designate400(
        "{\"tier\":\"KEY\",\"reason\":\"r\",\"endsOn\":\"0000-01-01\"}",
        "endsOn",
        "between the years");
    designate400(
        "{\"tier\":\"KEY\",\"reason\":\"r\",\"endsOn\":\"+999999999-12-31\"}", "endsOn", "");
  }

  @Test
  void nulInAQueryParameterIs400NamingIt() {
    viewer()
        .urlEncodingEnabled(false)
        .get("/api/v1/scores?ownerId=a%00b")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("ownerId"));
  }
}
