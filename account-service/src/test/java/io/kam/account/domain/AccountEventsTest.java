package io.kam.account.domain;

import static io.kam.account.testdata.AccountBuilder.aFullAccount;
import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.asAdmin;
import static io.kam.account.testdata.Api.createId;
import static io.restassured.module.jsv.JsonSchemaValidator.matchesJsonSchemaInClasspath;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.platform.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void publishesCreatedUpdatedAndDeletedThatValidateAgainstTheirSchemas() throws Exception {
    String id = createId(aFullAccount());
    asAdmin()
        .contentType("application/merge-patch+json")
        .header("If-Match", "\"1\"")
        .body("{\"relationshipStage\":\"STRATEGIC\",\"assessment\":{\"fit\":5}}")
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .statusCode(200);
    asAdmin()
        .header("If-Match", "\"2\"")
        .when()
        .delete("/api/v1/accounts/" + id)
        .then()
        .statusCode(204);

    List<JsonNode> events = eventsOf(id, 3);
    assertEquals(
        List.of("kam.account.created.v1", "kam.account.updated.v1", "kam.account.deleted.v1"),
        events.stream().map(e -> e.get("type").asText()).toList());
    for (JsonNode e : events) {
      assertEquals("/account-service", e.get("source").asText());
      assertEquals(id, e.get("subject").asText());
      assertThat(
          e.get("data").toString(),
          matchesJsonSchemaInClasspath("events/" + e.get("type").asText() + ".schema.json"));
    }
    JsonNode updated = events.get(1).get("data");
    assertEquals(
        List.of("relationshipStage", "assessment"),
        JSON.convertValue(updated.get("changedFields"), List.class));
    assertEquals(2, updated.get("version").asInt());
    assertEquals(
        "2500000.1234", updated.get("potentialAnnualSpend").decimalValue().toPlainString());
    assertEquals(3, events.get(2).get("data").get("version").asInt());
  }

  @Test
  void anUnchangedWriteEmitsNoEvent() throws Exception {
    var account = anAccount().ownedBy("kam-anna");
    String id = createId(account);
    asAdmin()
        .header("If-Match", "\"1\"")
        .body(account.build())
        .when()
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(200);
    asAdmin()
        .header("If-Match", "\"1\"")
        .body(account.named("Changed").build())
        .when()
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(200);
    List<JsonNode> events = eventsOf(id, 2);
    assertEquals(
        List.of(1, 2), events.stream().map(e -> e.get("data").get("version").asInt()).toList());
    assertEquals(List.of(1L, 2L), events.stream().map(e -> e.get("sequence").asLong()).toList());
  }

  private static List<JsonNode> eventsOf(String subject, int atLeast) throws Exception {
    List<ConsumerRecord<String, String>> records =
        TestKafka.readUntil(
            "kam.account.events",
            rs -> rs.stream().filter(r -> subject.equals(r.key())).count() >= atLeast,
            Duration.ofSeconds(30));
    List<JsonNode> out = new java.util.ArrayList<>();
    for (ConsumerRecord<String, String> r : records) {
      if (subject.equals(r.key())) {
        out.add(JSON.readTree(r.value()));
      }
    }
    out.sort(java.util.Comparator.comparingLong(e -> e.get("sequence").asLong()));
    return out;
  }
}
