package io.kam.scoring.api;

import static io.kam.scoring.testdata.AccountEvent.anAccount;
import static io.kam.scoring.testdata.Api.as;
import static io.kam.scoring.testdata.Api.awaitScore;
import static io.kam.scoring.testdata.Api.viewer;
import static io.kam.scoring.testdata.Scenarios.scoring;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.scoring.testdata.AccountEvent;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /scores?mine=true (owned or on the team of) and ?accountIds= (the batch read). */
@QuarkusTest
class MyAccountsAndBatchTest {

  private static final String SCORES = "/api/v1/scores";

  private final String me = "kam-" + UUID.randomUUID();
  private AccountEvent owned;
  private AccountEvent onTeam;
  private AccountEvent unrelated;

  @BeforeEach
  void accounts() {
    owned = scored(anAccount().named("Owned").ownedBy(me), "75");
    onTeam =
        scored(
            anAccount()
                .named("On the team")
                .ownedBy("kam-" + UUID.randomUUID())
                .team(
                    "exec-" + UUID.randomUUID() + ":EXECUTIVE_SPONSOR", me + ":SOLUTION_ENGINEER"),
            "60");
    unrelated = scored(anAccount().named("Unrelated").ownedBy("kam-" + UUID.randomUUID()), "80");
  }

  private static AccountEvent scored(AccountEvent account, String score) {
    AccountEvent a = account.assessment(null, null, null, null).create();
    scoring(a, score, 1).send();
    awaitScore(a.id(), score);
    return a;
  }

  @Test
  void mineIsWhatICallerOwnsOrIsOnTheTeamOfAndCombinesWithFilters() {
    as(me, "kam")
        .queryParam("mine", "true")
        .get(SCORES)
        .then()
        .statusCode(200)
        .body("items.accountId", contains(owned.id().toString(), onTeam.id().toString()));
    as(me, "kam")
        .queryParam("mine", "true")
        .queryParam("tier", "KEY")
        .get(SCORES)
        .then()
        .statusCode(200)
        .body("items.accountId", contains(owned.id().toString()));
  }

  @Test
  void leavingTheTeamTakesTheAccountOutOfMine() {
    onTeam.team().update(); // the same account, its team now empty

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                as(me, "kam")
                    .queryParam("mine", "true")
                    .get(SCORES)
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<String>>path("items.accountId")
                    .equals(List.of(owned.id().toString())));
  }

  @Test
  void theBatchReadReturnsTheKnownAccountsInTheRankedShape() {
    String unknown = UUID.randomUUID().toString();
    viewer()
        .queryParam("accountIds", owned.id() + "," + unknown + "," + unrelated.id())
        .get(SCORES)
        .then()
        .statusCode(200)
        .body("items.accountId", contains(unrelated.id().toString(), owned.id().toString()))
        .body("items[0].name", equalTo("Unrelated"))
        .body("items[0].tier", equalTo("KEY"))
        .body("items[0].tierExplanation.reason", equalTo("COMPUTED"))
        .body("items[0].stale", notNullValue());
    viewer()
        .queryParam("accountIds", owned.id() + "," + unrelated.id())
        .queryParam("tier", "KEY")
        .queryParam("sort", "name")
        .get(SCORES)
        .then()
        .statusCode(200)
        .body("items.accountId", contains(owned.id().toString(), unrelated.id().toString()));
  }

  @Test
  void theBatchReadTakesUpTo500Ids() {
    List<String> ids = new ArrayList<>();
    ids.add(onTeam.id().toString());
    while (ids.size() < 500) {
      ids.add(UUID.randomUUID().toString());
    }
    viewer()
        .queryParam("accountIds", String.join(",", ids))
        .get(SCORES)
        .then()
        .statusCode(200)
        .body("items.accountId", containsInAnyOrder(onTeam.id().toString()));

    ids.add(UUID.randomUUID().toString());
    viewer()
        .queryParam("accountIds", String.join(",", ids))
        .get(SCORES)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("accountIds"));
  }

  @Test
  void aMalformedOrEmptyIdListIsAProblem() {
    for (String bad : List.of("", "not-a-uuid", owned.id() + ",,", owned.id() + ",x")) {
      int status = viewer().queryParam("accountIds", bad).get(SCORES).then().extract().statusCode();
      assertEquals(400, status, "accountIds=" + bad);
    }
  }
}
