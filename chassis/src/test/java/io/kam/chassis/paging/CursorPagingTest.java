package io.kam.chassis.paging;

import static io.kam.chassis.Auth.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CursorPagingTest {

  @Test
  void pagesWalkEveryItemOnceWithOpaqueCursors() {
    for (int i = 0; i < 7; i++) {
      asAdmin()
          .contentType("application/json")
          .body("{\"name\":\"p" + i + "\"}")
          .post("/api/v1/widgets")
          .then()
          .statusCode(201);
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var req = asAdmin().queryParam("limit", 3);
      if (cursor != null) {
        req = req.queryParam("cursor", cursor);
      }
      Response r = req.get("/api/v1/widgets").then().statusCode(200).extract().response();
      seen.addAll(r.path("items.id"));
      cursor = r.path("nextCursor");
    } while (cursor != null);
    assertEquals(seen.size(), new HashSet<>(seen).size());
    org.junit.jupiter.api.Assertions.assertTrue(seen.size() >= 7);
  }

  @Test
  void aTamperedCursorIs400() {
    asAdmin().contentType("application/json").body("{\"name\":\"t1\"}").post("/api/v1/widgets");
    asAdmin().contentType("application/json").body("{\"name\":\"t2\"}").post("/api/v1/widgets");
    String cursor = asAdmin().queryParam("limit", 1).get("/api/v1/widgets").path("nextCursor");
    assertNotNull(cursor);
    String tampered = (cursor.charAt(0) == 'e' ? 'f' : 'e') + cursor.substring(1);
    asAdmin()
        .queryParam("cursor", tampered)
        .get("/api/v1/widgets")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asAdmin().queryParam("cursor", "garbage").get("/api/v1/widgets").then().statusCode(400);
  }

  @Test
  void limitOutsideOneTo500Is400NamingIt() {
    asAdmin()
        .queryParam("limit", 0)
        .get("/api/v1/widgets")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
    asAdmin().queryParam("limit", 501).get("/api/v1/widgets").then().statusCode(400);
    asAdmin().queryParam("limit", "ten").get("/api/v1/widgets").then().statusCode(400);
  }
}
