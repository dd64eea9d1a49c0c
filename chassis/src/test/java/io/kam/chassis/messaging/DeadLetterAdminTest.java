package io.kam.chassis.messaging;

import static io.kam.chassis.Auth.as;
import static io.kam.chassis.Auth.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.kam.platform.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterAdminTest {

  @Inject AgroalDataSource ds;

  @Test
  void anAdminListsDeadLettersAndReplaysOneOnceItsCauseIsGone() {
    String subject = UUID.randomUUID().toString();
    String id = UUID.randomUUID().toString();
    TestKafka.send(
        "kam.account.events",
        subject,
        TestKafka.cloudEvent(
            id, "test.known.v1", "/account-service", subject, 1, "{\"fail\":true}"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Db.count(
                        ds,
                        "select count(*) from kam_chassis.dead_letter where event_key = ?",
                        subject)
                    == 1);
    long letterId =
        Db.count(ds, "select id from kam_chassis.dead_letter where event_key = ?", subject);

    asAdmin()
        .queryParam("limit", 500)
        .get("/api/v1/admin/chassis-test/dead-letters")
        .then()
        .statusCode(200)
        .body("items.find { it.id == " + letterId + " }.reason", notNullValue());
    // Still failing: 422, and it stays listed as not replayed.
    asAdmin()
        .post("/api/v1/admin/chassis-test/dead-letters/" + letterId + "/replay")
        .then()
        .statusCode(422);
    // Repair the stored payload (as an operator would after fixing the producer) and replay.
    Db.count(
        ds,
        "with u as (update kam_chassis.dead_letter set payload = replace(payload, '\"fail\":true', '\"fail\":false')"
            + " where id = ? returning 1) select count(*) from u",
        letterId);
    asAdmin()
        .post("/api/v1/admin/chassis-test/dead-letters/" + letterId + "/replay")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("APPLIED"));
    org.junit.jupiter.api.Assertions.assertEquals(
        1, Db.count(ds, "select count(*) from known_subject where subject = ?", subject));
  }

  @Test
  void replayingADeadLetteredFactAppliesItEvenAfterLaterEvents() {
    String subject = UUID.randomUUID().toString();
    TestKafka.send(
        "kam.account.events",
        subject,
        TestKafka.cloudEvent(
            UUID.randomUUID().toString(), "test.known.v1", "/account-service", subject, 1, "{}"));
    String fact = UUID.randomUUID().toString();
    TestKafka.send(
        "kam.account.events",
        subject,
        TestKafka.cloudEvent(
            fact, "test.fact.v1", "/account-service", subject, 2, "{\"fail\":true}"));
    String later = UUID.randomUUID().toString();
    TestKafka.send(
        "kam.account.events",
        subject,
        TestKafka.cloudEvent(later, "test.changed.v1", "/account-service", subject, 3, "{}"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Db.count(ds, "select count(*) from applied_event where event_id = ?", later) == 1
                    && Db.count(
                            ds,
                            "select count(*) from kam_chassis.dead_letter where event_key = ?",
                            subject)
                        == 1);
    long letterId =
        Db.count(ds, "select id from kam_chassis.dead_letter where event_key = ?", subject);
    Db.count(
        ds,
        "with u as (update kam_chassis.dead_letter set payload = replace(payload, '\"fail\":true', '\"fail\":false')"
            + " where id = ? returning 1) select count(*) from u",
        letterId);
    asAdmin()
        .post("/api/v1/admin/chassis-test/dead-letters/" + letterId + "/replay")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("APPLIED"));
    org.junit.jupiter.api.Assertions.assertEquals(
        1, Db.count(ds, "select count(*) from applied_event where event_id = ?", fact));
    // Replayed twice: the id is known now, nothing is applied again.
    asAdmin()
        .post("/api/v1/admin/chassis-test/dead-letters/" + letterId + "/replay")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("DUPLICATE"));
  }

  @Test
  void deadLettersAreForAdminsOnly() {
    given().get("/api/v1/admin/chassis-test/dead-letters").then().statusCode(401);
    as("kam-anna", "kam").get("/api/v1/admin/chassis-test/dead-letters").then().statusCode(403);
    asAdmin().get("/api/v1/admin/other-service/dead-letters").then().statusCode(404);
    asAdmin().post("/api/v1/admin/chassis-test/dead-letters/999999/replay").then().statusCode(404);
  }
}
