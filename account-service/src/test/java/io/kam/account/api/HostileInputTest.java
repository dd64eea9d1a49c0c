package io.kam.account.api;

import static io.kam.account.testdata.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Input PostgreSQL could not store, or a client did not mean, is a 4xx problem naming the field.
 */
@QuarkusTest
class HostileInputTest {

  @Test
  void nulInANameIs400NamingTheField() {
    asAdmin()
        .body("{\"name\":\"Acme\\u0000Corp\"}")
        .post("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("name"))
        .body("errors[0].message", containsString("cannot be stored"));
  }

  @Test
  void misspelledFieldIs400NamingItInsteadOfBeingIgnored() {
    asAdmin()
        .body("{\"name\":\"Acme\",\"contry\":\"DE\"}")
        .post("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("contry"))
        .body("errors[0].message", equalTo("unknown field"));
  }

  @Test
  void nameOverItsMaxLengthIsRefusedNamingTheField() {
    asAdmin()
        .body("{\"name\":\"" + "n".repeat(301) + "\"}")
        .post("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("name"));
    asAdmin()
        .body("{\"name\":\"" + "n".repeat(20_000) + "\"}")
        .post("/api/v1/accounts")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("name"));
  }

  @Test
  void nulInASyncItemIs4xxNamingTheItem() {
    asAdmin()
        .body("{\"items\":[{\"source\":\"crm\",\"externalId\":\"X\\u0000\",\"name\":\"A\"}]}")
        .put("/api/v1/sync/accounts")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 400, 422))
        .body(containsString("cannot be stored"));
  }

  @Test
  void nulInAQueryParameterIs400NamingIt() {
    asAdmin()
        .urlEncodingEnabled(false)
        .get("/api/v1/accounts?q=a%00b")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("q"));
  }

  @Test
  void blankIdInThePathIsAProblemNotA500() {
    asAdmin()
        .urlEncodingEnabled(false)
        .get("/api/v1/accounts/%20/contacts")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(400, 404))
        .contentType("application/problem+json");
  }
}
