package io.kam.chassis.messaging;

import static io.kam.chassis.Auth.as;
import static io.kam.chassis.Auth.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxQuarantineAdminTest {

  static final String BASE = "/api/v1/admin/chassis-test/outbox/quarantine";

  @Inject AgroalDataSource ds;

  @Test
  void anAdminPagesThroughTheQuarantineAndARetriedRowIsPublishedBeforeTheRowsHeldBehindIt() {
    String subject = UUID.randomUUID().toString();
    long first = quarantined(subject, 1);
    long held =
        Db.count(
            ds,
            "insert into kam_chassis.outbox (event_id, topic, event_key, event_type, sequence, payload)"
                + " values (gen_random_uuid(), 'kam.plan.events', ?, 'test.held.v1', 2, '{}') returning position",
            subject);
    String other = UUID.randomUUID().toString();
    long second = quarantined(other, 1);

    List<Long> seen = new ArrayList<>();
    String cursor = null;
    do {
      var request = asAdmin().queryParam("limit", 1);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get(BASE).then().statusCode(200).extract().jsonPath();
      assertTrue(page.getList("items").size() <= 1);
      seen.addAll(page.getList("items.id", Long.class));
      if (seen.contains(first) && page.getLong("items[0].id") == first) {
        assertEquals(subject, page.getString("items[0].subject"));
        assertEquals(1, page.getInt("items[0].heldBehind"));
        assertEquals("Kafka said no", page.getString("items[0].reason"));
      }
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertTrue(
        seen.indexOf(first) >= 0 && seen.indexOf(first) < seen.indexOf(second),
        "oldest first: " + seen);

    asAdmin()
        .post(BASE + "/" + first + "/retry")
        .then()
        .statusCode(202)
        .body("state", equalTo("REQUEUED"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Db.count(
                        ds,
                        "select count(*) from kam_chassis.outbox where event_key = ? and sent_at is null",
                        subject)
                    == 0);
    assertTrue(
        Db.count(
                ds,
                "select count(*) from kam_chassis.outbox where position = ? and sent_at <= "
                    + "(select sent_at from kam_chassis.outbox where position = ?)",
                first,
                held)
            == 1);
    // A row that is no longer quarantined cannot be retried again.
    asAdmin()
        .post(BASE + "/" + first + "/retry")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("status", equalTo(409));
    Db.count(
        ds,
        "with d as (delete from kam_chassis.outbox where event_key = ? returning 1) select count(*) from d",
        other);
  }

  @Test
  void theQuarantineIsForAdminsOnlyAndAnswersWithProblems() {
    given().get(BASE).then().statusCode(401);
    as("kam-anna", "kam").get(BASE).then().statusCode(403);
    as("kam-anna", "kam").post(BASE + "/1/retry").then().statusCode(403);
    asAdmin()
        .get("/api/v1/admin/other-service/outbox/quarantine")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    asAdmin()
        .post(BASE + "/999999999/retry")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("no outbox event 999999999"));
    asAdmin()
        .queryParam("cursor", "forged")
        .get(BASE)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    asAdmin()
        .queryParam("limit", 0)
        .get(BASE)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void theRetryIsDocumentedAsAccepted() {
    asAdmin()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(
            "paths.'/api/v1/admin/{service}/outbox/quarantine/{id}/retry'.post.responses.'202'.description",
            equalTo("Back in line; the relay publishes it next"));
  }

  private long quarantined(String subject, long sequence) {
    return Db.count(
        ds,
        "insert into kam_chassis.outbox (event_id, topic, event_key, event_type, sequence, payload,"
            + " attempts, last_error, quarantined_at) values (gen_random_uuid(), 'kam.plan.events', ?, 'test.poison.v1', ?,"
            + " '{}', 2, 'Kafka said no', now()) returning position",
        subject,
        sequence);
  }
}
