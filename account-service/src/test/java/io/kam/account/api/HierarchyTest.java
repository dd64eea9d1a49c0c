package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.createId;
import static io.kam.account.testdata.Api.etagOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HierarchyTest {

  /** A chain root <- c1 <- ... <- c(n-1); returns the ids from the root down. */
  private static List<String> chain(int n) {
    List<String> ids = new ArrayList<>();
    String parent = null;
    for (int i = 0; i < n; i++) {
      parent =
          createId(
              parent == null
                  ? anAccount().named("level " + i)
                  : anAccount().named("level " + i).withParent(parent));
      ids.add(parent);
    }
    return ids;
  }

  private static void reparent(String id, String parent, int status) {
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", etagOf(id))
        .body("{\"parentId\":\"" + parent + "\"}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(status);
  }

  @Test
  void aCycleThroughALongChainIs422NamingEveryAccountOnIt() {
    List<String> ids = chain(12);
    var problem =
        asAdmin()
            .contentType("application/merge-patch+json")
            .header("If-Match", etagOf(ids.get(0)))
            .body("{\"parentId\":\"" + ids.get(11) + "\"}")
            .when()
            .patch("/api/v1/accounts/" + ids.get(0))
            .then()
            .statusCode(422)
            .contentType("application/problem+json")
            .body("errors[0].field", equalTo("parentId"))
            .extract()
            .asString();
    for (String id : ids) {
      org.junit.jupiter.api.Assertions.assertTrue(problem.contains(id), "cycle names " + id);
    }
  }

  @Test
  void anAccountCannotBeItsOwnParent() {
    String id = createId(anAccount());
    reparent(id, id, 422);
  }

  @Test
  void anUnknownOrDeletedParentIs422NamingParentId() {
    asAdmin()
        .body(anAccount().withParent(UUID.randomUUID().toString()).build())
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("parentId"));
    String gone = createId(anAccount());
    asAdmin()
        .header("If-Match", "\"1\"")
        .when()
        .delete("/api/v1/accounts/" + gone)
        .then()
        .statusCode(204);
    asAdmin()
        .body(anAccount().withParent(gone).build())
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("parentId"));
  }

  @Test
  void returnsTheAncestorsUpToTheRootAndTheWholeSubtree() {
    List<String> ids = chain(4);
    String sibling = createId(anAccount().named("a sibling").withParent(ids.get(2)));
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + ids.get(2) + "/hierarchy")
        .then()
        .statusCode(200)
        .body("account.id", equalTo(ids.get(2)))
        .body("ancestors.id", contains(ids.get(1), ids.get(0)))
        .body("descendants.id", contains(sibling, ids.get(3)))
        .body("descendants.depth", contains(1, 1));
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + ids.get(0) + "/hierarchy")
        .then()
        .body("ancestors", hasSize(0))
        .body("descendants", hasSize(4))
        .body("descendants.depth", contains(1, 2, 3, 3));
  }

  @Test
  void aParentWithChildrenCannotBeDeletedUntilTheyAreReParented() {
    List<String> ids = chain(2);
    asAdmin()
        .header("If-Match", etagOf(ids.get(0)))
        .when()
        .delete("/api/v1/accounts/" + ids.get(0))
        .then()
        .statusCode(409)
        .body("detail", containsString("child"));
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", etagOf(ids.get(1)))
        .body("{\"parentId\":null}")
        .when()
        .patch("/api/v1/accounts/" + ids.get(1))
        .then()
        .statusCode(200);
    asAdmin()
        .header("If-Match", etagOf(ids.get(0)))
        .when()
        .delete("/api/v1/accounts/" + ids.get(0))
        .then()
        .statusCode(204);
  }

  @Test
  void reParentingWithinTheTreeWithoutACycleWorks() {
    List<String> ids = chain(3);
    String other = createId(anAccount());
    reparent(ids.get(1), other, 200);
    asAdmin()
        .when()
        .get("/api/v1/accounts/" + ids.get(2) + "/hierarchy")
        .then()
        .body("ancestors.id", contains(ids.get(1), other));
  }
}
