package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.as;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.createId;
import static io.kam.account.testdata.Api.etagOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A kam hangs accounts only below parents it may write: another KAM's hierarchy is hers to shape.
 */
@QuarkusTest
class HierarchyOwnershipTest {

  private final String kam = "kam-hanna-" + UUID.randomUUID();
  private final String other = "kam-otto-" + UUID.randomUUID();

  private RequestSpecification asKam() {
    return as(kam, "kam");
  }

  private static void descendantsOf(String parent, int count) {
    asAdmin()
        .get("/api/v1/accounts/" + parent + "/hierarchy")
        .then()
        .statusCode(200)
        .body("descendants", count == 0 ? empty() : hasSize(count));
  }

  @Test
  void aKamCannotCreateAnAccountBelowAnotherKamsAccount() {
    String othersParent = createId(anAccount().ownedBy(other));
    asKam()
        .body(anAccount().ownedBy(kam).withParent(othersParent).build())
        .post("/api/v1/accounts")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    descendantsOf(othersParent, 0);
  }

  @Test
  void aKamCreatesBelowAccountsItOwnsOrIsOnTheTeamOf() {
    String own = createId(anAccount().ownedBy(kam));
    String team = createId(anAccount().ownedBy(other).withTeamMember(kam, "EXECUTIVE_SPONSOR"));
    asKam()
        .body(anAccount().ownedBy(kam).withParent(own).build())
        .post("/api/v1/accounts")
        .then()
        .statusCode(201);
    asKam()
        .body(anAccount().ownedBy(kam).withParent(team).build())
        .post("/api/v1/accounts")
        .then()
        .statusCode(201);
    descendantsOf(own, 1);
    descendantsOf(team, 1);
  }

  @Test
  void aKamCannotMoveItsAccountBelowAnotherKamsAccountByPutOrPatch() {
    String othersParent = createId(anAccount().ownedBy(other));
    String mine = createId(anAccount().ownedBy(kam));
    asKam()
        .header("If-Match", etagOf(mine))
        .body(anAccount().ownedBy(kam).withParent(othersParent).build())
        .put("/api/v1/accounts/" + mine)
        .then()
        .statusCode(403);
    asKam()
        .contentType("application/merge-patch+json")
        .header("If-Match", etagOf(mine))
        .body("{\"parentId\":\"" + othersParent + "\"}")
        .patch("/api/v1/accounts/" + mine)
        .then()
        .statusCode(403);
    descendantsOf(othersParent, 0);
  }

  @Test
  void managersAttachAnywhereAndAKamMayStillEditOrDetachItsChild() {
    String othersParent = createId(anAccount().ownedBy(other));
    String mine = createId(anAccount().ownedBy(kam));
    as("mgr-max", "kam-manager")
        .contentType("application/merge-patch+json")
        .header("If-Match", etagOf(mine))
        .body("{\"parentId\":\"" + othersParent + "\"}")
        .patch("/api/v1/accounts/" + mine)
        .then()
        .statusCode(200);
    descendantsOf(othersParent, 1);
    // Its parent unchanged, the child's owner edits it as before; leaving the parent is her call.
    asKam()
        .contentType("application/merge-patch+json")
        .header("If-Match", etagOf(mine))
        .body("{\"region\":\"NA\"}")
        .patch("/api/v1/accounts/" + mine)
        .then()
        .statusCode(200)
        .body("parentId", equalTo(othersParent));
    asKam()
        .contentType("application/merge-patch+json")
        .header("If-Match", etagOf(mine))
        .body("{\"parentId\":null}")
        .patch("/api/v1/accounts/" + mine)
        .then()
        .statusCode(200);
    descendantsOf(othersParent, 0);
  }
}
