package io.kam.scoring.api;

import static io.kam.scoring.testdata.AccountEvent.anAccount;
import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.viewer;
import static io.kam.scoring.testdata.Numbers.number;
import static io.kam.scoring.testdata.SnapshotEvent.acmeSnapshot;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.kam.scoring.testdata.AccountEvent;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every change is kept; a diff says which inputs moved and what each criterion gained or lost. */
@QuarkusTest
class HistoryAndDiffTest {

  private AccountEvent acme;

  @BeforeEach
  void acmeScoredThenReassessed() {
    acme = anAccount().assessment(4, 5, 3, 3).create();
    acmeSnapshot(acme.id()).sequence(1).send();
    awaitScore(acme.id(), "63.3");
    // strategic alignment 4 -> 5 (+3.75 points) and growth 0.21 -> 0.5 (+8.285714285714286)
    acme.assessment(5, 5, 3, 3).update();
    awaitScore(acme.id(), "67.1");
    acmeSnapshot(acme.id()).t12mGrowth("0.5").sequence(2).send();
    awaitScore(acme.id(), "75.4");
  }

  @Test
  void keepsEveryChangeNewestFirstWithCursorPaging() {
    viewer()
        .get("/api/v1/accounts/{id}/score/history", acme.id())
        .then()
        .statusCode(200)
        .body("items.score", contains(number("75.4"), number("67.1"), number("63.3")))
        .body("items.cause", contains("SNAPSHOT", "ACCOUNT", "SNAPSHOT"))
        .body("items[0].tier", equalTo("KEY"))
        .body("items[2].tier", equalTo("DEVELOPING"))
        .body("items[0].breakdown.size()", equalTo(7))
        .body("nextCursor", nullValue());

    var first =
        viewer()
            .queryParam("limit", 2)
            .get("/api/v1/accounts/{id}/score/history", acme.id())
            .then()
            .statusCode(200)
            .body("items.size()", equalTo(2))
            .extract();
    viewer()
        .queryParam("limit", 2)
        .queryParam("cursor", (String) first.path("nextCursor"))
        .get("/api/v1/accounts/{id}/score/history", acme.id())
        .then()
        .statusCode(200)
        .body("items.score", contains(number("63.3")))
        .body("nextCursor", nullValue());
  }

  @Test
  void diffsTheLastTwoEntriesByDefault() {
    viewer()
        .get("/api/v1/accounts/{id}/score/diff", acme.id())
        .then()
        .statusCode(200)
        .body("scoreBefore", number("67.1"))
        .body("scoreAfter", number("75.4"))
        .body("scoreDelta", number("8.3"))
        .body("tierBefore", equalTo("DEVELOPING"))
        .body("tierAfter", equalTo("KEY"))
        .body("criteria.find { it.criterion == 'growth' }.inputChanged", equalTo(true))
        .body("criteria.find { it.criterion == 'growth' }.inputBefore", number("0.21"))
        .body("criteria.find { it.criterion == 'growth' }.inputAfter", number("0.5"))
        // 20 x (1 - 0.5857142857142857)
        .body("criteria.find { it.criterion == 'growth' }.points", number("8.285714285714290"))
        .body("criteria.find { it.criterion == 'strategicAlignment' }.inputChanged", equalTo(false))
        .body("criteria.find { it.criterion == 'strategicAlignment' }.points", number("0"));
  }

  @Test
  void diffsAnyTwoEntriesOfTheAccount() {
    var ids =
        viewer()
            .get("/api/v1/accounts/{id}/score/history", acme.id())
            .then()
            .extract()
            .jsonPath()
            .getList("items.id", Long.class);
    viewer()
        .queryParam("from", ids.get(2))
        .queryParam("to", ids.get(1))
        .get("/api/v1/accounts/{id}/score/diff", acme.id())
        .then()
        .statusCode(200)
        .body("scoreDelta", number("3.8"))
        .body("criteria.find { it.criterion == 'strategicAlignment' }.inputBefore", number("4"))
        .body("criteria.find { it.criterion == 'strategicAlignment' }.inputAfter", number("5"))
        .body("criteria.find { it.criterion == 'strategicAlignment' }.points", number("3.75"));

    AccountEvent other = anAccount().assessment(4, 5, 3, 3).create();
    acmeSnapshot(other.id()).send();
    awaitScore(other.id(), "63.3");
    viewer()
        .queryParam("from", ids.get(2))
        .queryParam("to", ids.get(1))
        .get("/api/v1/accounts/{id}/score/diff", other.id())
        .then()
        .statusCode(404);
    viewer().get("/api/v1/accounts/{id}/score/diff", other.id()).then().statusCode(404);
    viewer()
        .queryParam("from", "x")
        .queryParam("to", 1)
        .get("/api/v1/accounts/{id}/score/diff", other.id())
        .then()
        .statusCode(400);
    viewer()
        .queryParam("from", 1)
        .get("/api/v1/accounts/{id}/score/diff", other.id())
        .then()
        .statusCode(400);
  }
}
