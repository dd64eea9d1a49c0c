package io.kam.planning.api;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.addPart;
import static io.kam.planning.testdata.Api.as;
import static io.kam.planning.testdata.Api.draftPlan;

import io.kam.planning.testdata.AnAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Another KAM learns nothing from a write it may not make: 403 whether If-Match is missing, stale
 * or right, and whether the body is valid or not; never a 428 or a 412 carrying the version.
 */
@QuarkusTest
class AuthorizationBeforePreconditionsTest {

  private static final Map<String, Map<String, Object>> PARTS =
      Map.of(
          "objectives", Map.of("title", "grow"),
          "actions", Map.of("title", "call", "dueDate", "2026-11-01"),
          "risks", Map.of("description", "churn", "likelihood", 2, "impact", 3),
          "opportunities",
              Map.of(
                  "productLine",
                  "ANALYTICS",
                  "kind",
                  "CROSS_SELL",
                  "estimatedValue",
                  1000,
                  "probability",
                  0.5));

  private static RequestSpecification stranger() {
    return as("kam-stranger-" + UUID.randomUUID(), "kam");
  }

  private static RequestSpecification owner(AnAccount account) {
    return as(account.ownerId(), "kam");
  }

  @ParameterizedTest
  @ValueSource(strings = {"objectives", "actions", "risks", "opportunities"})
  void anotherKamChangingAPlanPartIs403WhateverItsIfMatch(String kind) {
    AnAccount account = anAccount().ownedBy("kam-own-" + UUID.randomUUID()).create();
    UUID plan = draftPlan(account.id());
    String id = addPart(plan, kind, PARTS.get(kind)).then().statusCode(201).extract().path("id");
    String url = "/api/v1/plans/" + plan + "/" + kind + "/" + id;
    for (String ifMatch : new String[] {null, "\"999\"", "\"1\""}) {
      RequestSpecification patch =
          stranger().contentType("application/merge-patch+json").body("{\"notes\":1}");
      RequestSpecification delete = stranger();
      if (ifMatch != null) {
        patch.header("If-Match", ifMatch);
        delete.header("If-Match", ifMatch);
      }
      patch.patch(url).then().statusCode(403);
      delete.delete(url).then().statusCode(403);
    }
    // The owner, for contrast, is told about the missing and the stale precondition.
    owner(account)
        .contentType("application/merge-patch+json")
        .body("{}")
        .patch(url)
        .then()
        .statusCode(428);
    owner(account)
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"999\"")
        .body("{}")
        .patch(url)
        .then()
        .statusCode(412);
    owner(account).header("If-Match", "\"999\"").delete(url).then().statusCode(412);
  }

  @Test
  void anotherKamChangingAPlanIs403BeforeIfMatchAndBeforeTheBodyIsValidated() {
    AnAccount account = anAccount().ownedBy("kam-own-" + UUID.randomUUID()).create();
    UUID plan = draftPlan(account.id());
    String url = "/api/v1/plans/" + plan;
    stranger()
        .contentType("application/merge-patch+json")
        .body(Map.of("title", "mine"))
        .patch(url)
        .then()
        .statusCode(403);
    stranger()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"999\"")
        .body(Map.of("title", "mine"))
        .patch(url)
        .then()
        .statusCode(403);
    stranger()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"999\"")
        .body(Map.of("reviewEveryDays", "never"))
        .patch(url)
        .then()
        .statusCode(403);
    stranger().delete(url).then().statusCode(403);
    stranger().header("If-Match", "\"999\"").delete(url).then().statusCode(403);
    stranger().header("If-Match", "\"999\"").post(url + "/activate").then().statusCode(403);
    owner(account)
        .contentType("application/merge-patch+json")
        .body(Map.of("title", "mine"))
        .patch(url)
        .then()
        .statusCode(428);
    owner(account).header("If-Match", "\"999\"").delete(url).then().statusCode(412);
  }
}
