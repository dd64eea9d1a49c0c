package io.kam.planning.events;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.activePlan;
import static io.kam.planning.testdata.Api.addPart;
import static io.kam.planning.testdata.Api.transition;
import static io.kam.planning.testdata.Signals.publishSnapshot;
import static io.restassured.module.jsv.JsonSchemaValidator.matchesJsonSchemaInClasspath;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.planning.domain.OverdueActions;
import io.kam.planning.testdata.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What planning actually put on kam.plan.events validates against the schemas it owns. */
@QuarkusTest
class PublishedEventSchemasTest {

  @Inject OverdueActions overdue;

  private static void assertValid(UUID account, String type, int count) {
    List<JsonNode> events = PublishedEvents.of(account, type, count);
    assertThat(events, hasSize(count));
    for (JsonNode e : events) {
      assertThat(e.path("source").asText(), is("/planning-service"));
      assertThat(e.path("subject").asText(), is(account.toString()));
      assertThat(
          e.path("data").toString(),
          matchesJsonSchemaInClasspath("events/" + type + ".schema.json"));
    }
  }

  @Test
  void planCreatedAndStatusChangedMatchTheirSchemas() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    transition(plan, "submit-for-review").then().statusCode(200);
    assertValid(account, "kam.plan.created.v1", 1);
    assertValid(account, "kam.plan.status-changed.v1", 2);
  }

  @Test
  void theSchemasRefuseWhatDoesNotMatch() {
    String wrong = "{\"planId\": 1, \"accountId\": \"x\", \"status\": \"SLEEPING\"}";
    for (String type :
        List.of(
            "kam.plan.created.v1",
            "kam.plan.status-changed.v1",
            "kam.plan.objective-achieved.v1",
            "kam.plan.objective-missed.v1",
            "kam.plan.action-overdue.v1")) {
      assertThat(wrong, not(matchesJsonSchemaInClasspath("events/" + type + ".schema.json")));
    }
  }

  @Test
  void objectiveAchievedMatchesItsSchema() {
    UUID account = anAccount().create().id();
    publishSnapshot(account, Map.of("npsT12m", new BigDecimal("12.5")));
    UUID plan = activePlan(account);
    addPart(
            plan,
            "objectives",
            Map.of(
                "title", "promoters", "kpi", Map.of("metric", "NPS", "baseline", 0, "target", 10)))
        .then()
        .statusCode(201)
        .body("status", org.hamcrest.Matchers.equalTo("ACHIEVED"));
    assertValid(account, "kam.plan.objective-achieved.v1", 1);
  }

  @Test
  void objectiveMissedMatchesItsSchema() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    addPart(plan, "objectives", Map.of("title", "late already", "dueDate", "2026-09-15"))
        .then()
        .statusCode(201)
        .body("status", org.hamcrest.Matchers.equalTo("MISSED"));
    assertValid(account, "kam.plan.objective-missed.v1", 1);
  }

  @Test
  void actionOverdueMatchesItsSchema() {
    UUID account = anAccount().create().id();
    UUID plan = activePlan(account);
    addPart(plan, "actions", Map.of("title", "late already", "dueDate", "2026-09-15"))
        .then()
        .statusCode(201);
    overdue.check();
    assertValid(account, "kam.plan.action-overdue.v1", 1);
  }
}
