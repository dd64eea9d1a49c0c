package io.kam.kpi.api;

import static io.kam.kpi.testdata.Api.integration;
import static io.kam.kpi.testdata.Api.viewer;
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

  private static String line(String extra) {
    return "{\"items\":[{\"source\":\"erp\",\"externalId\":\"H-1\",\"accountId\":\""
        + UUID.randomUUID()
        + "\",\"date\":\"2026-08-14\",\"productLine\":\"ANALYTICS\",\"amount\":1"
        + extra
        + "}]}";
  }

  private static void put400(String body, String field, String message) {
    integration()
        .body(body)
        .put("/api/v1/revenue-lines")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field))
        .body("errors[0].message", containsString(message));
  }

  @Test
  void nulInAProductLineIs400NamingTheItemField() {
    put400(line(",\"currency\":\"EU\\u0000R\""), "items[0].currency", "cannot be stored");
  }

  @Test
  void unknownFieldIs400NamingIt() {
    put400(line(",\"ammount\":2"), "items[0].ammount", "unknown field");
  }

  @Test
  void overlongStringIs400() {
    put400(line(",\"currency\":\"" + "E".repeat(10_001) + "\""), "items[0].currency", "at most");
  }

  @Test
  void dateOutsideTheYears1To9999Is400() {
    put400(line("").replace("2026-08-14", "0000-08-14"), "items[0].date", "between the years");
  }

  @Test
  void farMonthInAQueryIs400NamingIt() {
    viewer()
        .get("/api/v1/accounts/{id}/kpis/timeseries?from=0000-01&to=2026-01", UUID.randomUUID())
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("from"));
  }

  @Test
  void nulInAQueryParameterIs400NamingIt() {
    viewer()
        .urlEncodingEnabled(false)
        .get("/api/v1/portfolio/kpis?period=2026-Q3&region=E%00U")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("region"));
  }
}
