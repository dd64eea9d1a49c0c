package io.kam.account.api;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.asApiKey;
import static io.kam.account.testdata.Api.createId;
import static io.kam.account.testdata.Api.sync;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.time.KamClock;
import io.kam.platform.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code assessedAt}: the day the assessment was last set or confirmed, through every write path.
 */
@QuarkusTest
class AssessmentFreshnessTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject KamClock clock;

  @BeforeEach
  void pinTheClock() {
    clock.set(Instant.parse("2026-03-10T12:00:00Z"));
  }

  @AfterEach
  void releaseTheClock() {
    clock.set(null);
  }

  private static JsonPath get(String id) {
    return asAdmin()
        .when()
        .get("/api/v1/accounts/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath patch(String id, String body, int status) {
    return asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "*")
        .body(body)
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  @Test
  void aNewAssessmentIsDatedTodayAndNoAssessmentHasNoDate() {
    String assessed = createId(anAccount().withAssessment(3, 3, 3, 3));
    String unassessed = createId(anAccount());
    assertEquals("2026-03-10", get(assessed).getString("assessedAt"));
    assertEquals(null, get(unassessed).getString("assessedAt"));
  }

  @Test
  void onlyAChangedAssessmentMovesTheDateAndTheHistoryShowsIt() {
    String id = createId(anAccount().withAssessment(2, 2, 2, 2));
    clock.set(Instant.parse("2026-04-01T08:00:00Z"));

    assertEquals("2026-03-10", patch(id, "{\"industry\":\"RETAIL\"}", 200).getString("assessedAt"));
    assertEquals(
        "2026-04-01", patch(id, "{\"assessment\":{\"fit\":4}}", 200).getString("assessedAt"));

    asAdmin()
        .when()
        .get("/api/v1/accounts/" + id + "/history")
        .then()
        .statusCode(200)
        .body("items.find { it.field == 'assessedAt' }.from", equalTo("2026-03-10"))
        .body("items.find { it.field == 'assessedAt' }.to", equalTo("2026-04-01"));

    // Clearing the assessment clears its date.
    assertEquals(null, patch(id, "{\"assessment\":null}", 200).getString("assessedAt"));
  }

  @Test
  void aPutThatEchoesTheStoredDateWithANewAssessmentIsDatedToday() {
    String id = createId(anAccount().withAssessment(2, 2, 2, 2));
    clock.set(Instant.parse("2026-05-02T08:00:00Z"));
    Map<String, Object> body = new java.util.HashMap<>(get(id).getMap(""));
    for (String readOnly : List.of("id", "createdAt", "updatedAt", "version")) {
      body.remove(readOnly);
    }
    body.put("assessment", Map.of("strategicAlignment", 5, "fit", 5));
    asAdmin()
        .header("If-Match", "\"1\"")
        .body(body)
        .when()
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(200)
        .body("assessedAt", equalTo("2026-05-02"))
        .body("version", equalTo(2));
  }

  @Test
  void aPartnerMayDateTheAssessmentButNeverInTheFuture() {
    String id = createId(anAccount().withAssessment(4, 4, 4, 4));
    // confirming the unchanged assessment on an earlier day is a change of its own
    JsonPath confirmed = patch(id, "{\"assessedAt\":\"2026-02-20\"}", 200);
    assertEquals("2026-02-20", confirmed.getString("assessedAt"));
    assertEquals(2, confirmed.getInt("version"));
    assertEquals(
        "2026-01-15",
        patch(id, "{\"assessment\":{\"fit\":1},\"assessedAt\":\"2026-01-15\"}", 200)
            .getString("assessedAt"));

    JsonPath future = patch(id, "{\"assessedAt\":\"2026-03-11\"}", 422);
    assertEquals("assessedAt", future.getString("errors[0].field"));
    assertEquals("2026-01-15", get(id).getString("assessedAt"));

    asAdmin()
        .body(anAccount().with("assessedAt", "2026-03-01").build())
        .when()
        .post("/api/v1/accounts")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("assessedAt"));
    patch(id, "{\"assessedAt\":\"2026-02-30\"}", 400);
  }

  @Test
  void theSyncDatesAssessmentsLikeTheApiAndRejectsAFutureDateItemByItem() {
    String key = "F-" + UUID.randomUUID();
    var partner = asApiKey("crm", "integration");
    var created =
        sync(
            partner,
            Map.of(
                "source",
                "crm",
                "externalId",
                key,
                "name",
                "Fresh",
                "assessment",
                Map.of("fit", 3),
                "assessedAt",
                "2026-03-01"));
    String id = created.path("results[0].id");
    assertEquals("2026-03-01", get(id).getString("assessedAt"));

    clock.set(Instant.parse("2026-06-30T23:59:00Z"));
    sync(
            asApiKey("crm", "integration"),
            Map.of("source", "crm", "externalId", key, "name", "Fresh"))
        .response()
        .then()
        .body("results[0].status", equalTo("UNCHANGED"));
    sync(
            asApiKey("crm", "integration"),
            Map.of("source", "crm", "externalId", key, "assessment", Map.of("fit", 5)))
        .response()
        .then()
        .body("results[0].status", equalTo("UPDATED"));
    assertEquals("2026-06-30", get(id).getString("assessedAt"));

    sync(
            asApiKey("crm", "integration"),
            Map.of("source", "crm", "externalId", key, "assessedAt", "2026-07-01"),
            Map.of("source", "crm", "externalId", key + "-b", "name", "Other"))
        .response()
        .then()
        .body("results[0].status", equalTo("REJECTED"))
        .body("results[0].errors[0].field", equalTo("assessedAt"))
        .body("results[1].status", equalTo("CREATED"));
    assertEquals("2026-06-30", get(id).getString("assessedAt"));
  }

  @Test
  void theAccountEventsCarryTheDate() throws Exception {
    String id = createId(anAccount().withAssessment(1, 2, 3, 4));
    clock.set(Instant.parse("2026-03-12T10:00:00Z"));
    patch(id, "{\"assessment\":{\"fit\":5}}", 200);
    patch(id, "{\"name\":\"Renamed\"}", 200);

    List<JsonNode> events = eventsOf(id, 3);
    assertEquals("2026-03-10", events.get(0).get("data").get("assessedAt").asText());
    assertEquals("2026-03-12", events.get(1).get("data").get("assessedAt").asText());
    assertEquals(
        List.of("assessment", "assessedAt"),
        JSON.convertValue(events.get(1).get("data").get("changedFields"), List.class));
    assertEquals("2026-03-12", events.get(2).get("data").get("assessedAt").asText());
  }

  private static List<JsonNode> eventsOf(String subject, int atLeast) throws Exception {
    List<ConsumerRecord<String, String>> records =
        TestKafka.readUntil(
            "kam.account.events",
            rs -> rs.stream().filter(r -> subject.equals(r.key())).count() >= atLeast,
            Duration.ofSeconds(30));
    List<JsonNode> out = new ArrayList<>();
    for (ConsumerRecord<String, String> r : records) {
      if (subject.equals(r.key())) {
        out.add(JSON.readTree(r.value()));
      }
    }
    out.sort(java.util.Comparator.comparingLong(e -> e.get("sequence").asLong()));
    return out;
  }
}
