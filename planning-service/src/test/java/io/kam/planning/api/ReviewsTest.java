package io.kam.planning.api;

import static io.kam.planning.testdata.APlan.aPlan;
import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.asManager;
import static io.kam.planning.testdata.Api.draftPlan;
import static io.kam.planning.testdata.Api.status;
import static io.kam.planning.testdata.Api.transition;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.time.KamClock;
import io.kam.planning.testdata.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewsTest {

  private static final Map<String, Object> REVIEW =
      Map.of(
          "summary", "Q4 on track", "decisions", List.of("add a second sponsor", "push ANALYTICS"));

  @Inject KamClock clock;
  private Instant original;

  @BeforeEach
  void rememberTheClock() {
    original = clock.now();
  }

  @AfterEach
  void restoreTheClock() {
    clock.set(original);
  }

  @Test
  void aReviewSetsTheNextReviewFromItsDateAndIsListed() {
    UUID plan = activePlan(anAccount().create().id());
    clock.set(Instant.parse("2026-11-15T09:30:00Z"));
    asManager()
        .body(REVIEW)
        .post("/api/v1/plans/" + plan + "/reviews")
        .then()
        .statusCode(201)
        .body("reviewedAt", equalTo("2026-11-15T09:30:00Z"))
        .body("reviewedBy", equalTo("user:" + "mgr-maria"))
        .body("decisions", contains("add a second sponsor", "push ANALYTICS"));
    asManager()
        .get("/api/v1/plans/" + plan)
        .then()
        .body("nextReviewAt", equalTo("2027-02-13T09:30:00Z"))
        .body("status", equalTo("ACTIVE"));
    asManager()
        .get("/api/v1/plans/" + plan + "/reviews")
        .then()
        .statusCode(200)
        .body("items.summary", contains("Q4 on track"));
  }

  @Test
  void reviewsOfOneInstantAreListedInTheOrderTheyWereWritten() {
    UUID plan = activePlan(anAccount().create().id());
    clock.set(Instant.parse("2026-11-16T08:00:00Z"));
    List<String> written = List.of("first", "second", "third", "fourth", "fifth", "sixth");
    for (String summary : written) {
      asManager()
          .body(Map.of("summary", summary))
          .post("/api/v1/plans/" + plan + "/reviews")
          .then()
          .statusCode(201);
    }
    asManager()
        .get("/api/v1/plans/" + plan + "/reviews")
        .then()
        .statusCode(200)
        .body("items.summary", contains(written.toArray()));
  }

  @Test
  void aReviewReturnsAPlanUnderReviewToActive() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    transition(plan, "submit-for-review").then().statusCode(200);
    asManager().body(REVIEW).post("/api/v1/plans/" + plan + "/reviews").then().statusCode(201);
    assertThat(status(plan), is("ACTIVE"));
    List<JsonNode> changes = PublishedEvents.of(account, "kam.plan.status-changed.v1", 3);
    JsonNode last = changes.get(changes.size() - 1).path("data");
    assertThat(
        last.path("previousStatus").asText() + "->" + last.path("status").asText(),
        is("UNDER_REVIEW->ACTIVE"));
    assertThat(last.path("reason").asText(), is("REVIEWED"));
  }

  @Test
  void onlyLivePlansAreReviewed() {
    UUID draft = draftPlan(anAccount().create().id());
    asManager()
        .body(REVIEW)
        .post("/api/v1/plans/" + draft + "/reviews")
        .then()
        .statusCode(409)
        .body("detail", containsString("DRAFT"));
    asManager()
        .body(Map.of("decisions", List.of()))
        .post("/api/v1/plans/" + draft + "/reviews")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("summary"));
  }

  @Test
  void listsLivePlansWhoseReviewIsDue() {
    UUID account = anAccount().create().id();
    String body =
        asManager()
            .body(aPlan().forAccount(account).reviewedEvery(10).body())
            .post("/api/v1/plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    UUID plan = UUID.fromString(body);
    transition(plan, "activate").then().statusCode(200); // next review 2026-10-11T00:00:00Z
    UUID otherAccount = anAccount().create().id();
    UUID draft = draftPlan(otherAccount);

    clock.set(Instant.parse("2026-10-10T23:59:59Z"));
    asManager()
        .queryParam("dueForReview", "true")
        .queryParam("limit", 500)
        .get("/api/v1/plans")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(plan.toString())));
    clock.set(Instant.parse("2026-10-11T00:00:00Z"));
    asManager()
        .queryParam("dueForReview", "true")
        .queryParam("accountId", account.toString())
        .get("/api/v1/plans")
        .then()
        .body("items.id", contains(plan.toString()));
    asManager()
        .queryParam("dueForReview", "true")
        .queryParam("accountId", otherAccount.toString())
        .get("/api/v1/plans")
        .then()
        .body("items.id", not(hasItem(draft.toString())));

    asManager().body(REVIEW).post("/api/v1/plans/" + plan + "/reviews").then().statusCode(201);
    asManager()
        .queryParam("dueForReview", "true")
        .queryParam("accountId", account.toString())
        .get("/api/v1/plans")
        .then()
        .body("items.size()", equalTo(0));
  }
}
