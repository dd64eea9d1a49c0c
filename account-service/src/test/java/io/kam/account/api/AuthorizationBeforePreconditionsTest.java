package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.as;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.createId;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Another KAM learns nothing from a write it may not make: 403 whether If-Match is missing, stale
 * or right, and whether the body is valid or not; never a 428 or a 412 carrying the version.
 */
@QuarkusTest
class AuthorizationBeforePreconditionsTest {

  private static final String[] IF_MATCH = {null, "\"999\"", "\"1\""};

  private static RequestSpecification stranger(String ifMatch) {
    RequestSpecification r = as("kam-stranger", "kam");
    return ifMatch == null ? r : r.header("If-Match", ifMatch);
  }

  @Test
  void anotherKamChangingAnAccountIs403WhateverItsIfMatchAndBody() {
    String id = createId(anAccount().ownedBy("kam-owner"));
    String url = "/api/v1/accounts/" + id;
    for (String ifMatch : IF_MATCH) {
      stranger(ifMatch)
          .contentType("application/json")
          .body(anAccount().ownedBy("kam-stranger").build())
          .put(url)
          .then()
          .statusCode(403);
      stranger(ifMatch)
          .contentType("application/merge-patch+json")
          .body("{\"region\":\"NA\"}")
          .patch(url)
          .then()
          .statusCode(403);
      stranger(ifMatch)
          .contentType("application/merge-patch+json")
          .body("[1]")
          .patch(url)
          .then()
          .statusCode(403);
      stranger(ifMatch).delete(url).then().statusCode(403);
    }
    as("kam-owner", "kam")
        .contentType("application/merge-patch+json")
        .body("{}")
        .patch(url)
        .then()
        .statusCode(428);
    as("kam-owner", "kam").header("If-Match", "\"999\"").delete(url).then().statusCode(412);
  }

  @Test
  void anotherKamChangingAContactIs403WhateverItsIfMatchAndBody() {
    String account = createId(anAccount().ownedBy("kam-owner"));
    String contact =
        asAdmin()
            .contentType("application/json")
            .body(Map.of("name", "Clara Chief"))
            .post("/api/v1/accounts/" + account + "/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String url = "/api/v1/accounts/" + account + "/contacts/" + contact;
    for (String ifMatch : IF_MATCH) {
      stranger(ifMatch)
          .contentType("application/json")
          .body(Map.of("name", "Mine"))
          .put(url)
          .then()
          .statusCode(403);
      stranger(ifMatch)
          .contentType("application/merge-patch+json")
          .body("{\"name\":\"Mine\"}")
          .patch(url)
          .then()
          .statusCode(403);
      stranger(ifMatch)
          .contentType("application/merge-patch+json")
          .body("{\"name\":null}")
          .patch(url)
          .then()
          .statusCode(403);
      stranger(ifMatch).delete(url).then().statusCode(403);
    }
    as("kam-owner", "kam")
        .contentType("application/merge-patch+json")
        .body("{}")
        .patch(url)
        .then()
        .statusCode(428);
    as("kam-owner", "kam").header("If-Match", "\"999\"").delete(url).then().statusCode(412);
  }
}
