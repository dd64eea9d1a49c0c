package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's system health shows each service's consumer groups, parked events, dead letters and
 * outbox.
 */
class SystemHealthIT {

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  @Test
  void showsLagPerConsumerGroupAndTopicParkedEventsDeadLettersAndOutboxPerService() {
    var health =
        given()
            .baseUri(sut.gatewayUrl())
            .header("Authorization", "Bearer " + sut.token("admin-ada", "admin"))
            .get("/api/v1/system/health")
            .then()
            .statusCode(200);
    for (String service : new String[] {"account", "scoring", "kpi", "planning"}) {
      String s = "services.find { it.service == '" + service + "' }.events";
      health
          .body(s + ".outboxBacklog", greaterThanOrEqualTo(0))
          .body(s + ".outboxOldestAgeSeconds", notNullValue())
          .body(s + ".parkedEvents", greaterThanOrEqualTo(0))
          .body(s + ".parkedOldestAgeSeconds", notNullValue())
          .body(s + ".deadLetters", greaterThanOrEqualTo(0));
    }
    health
        .body(
            "services.find { it.service == 'scoring' }.events.consumerGroups.find { it.group == 'scoring-service' }"
                + ".lag",
            hasKey("kam.account.events"))
        .body(
            "services.find { it.service == 'scoring' }.events.consumerGroups.find { it.group == 'scoring-service' }"
                + ".lag",
            hasKey("kam.kpi.events"))
        .body(
            "services.find { it.service == 'planning' }.events.consumerGroups.find { it.group == 'planning-service' }"
                + ".lag",
            hasKey("kam.score.events"))
        .body(
            "services.find { it.service == 'kpi' }.events.consumerGroups.find { it.group == 'kpi-service' }"
                + ".lag.'kam.account.events'",
            greaterThanOrEqualTo(0));
  }
}
