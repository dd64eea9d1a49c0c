package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.platform.TestKafka;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace from a client call to the consumers it triggers: the client's trace id travels through
 * the gateway to account-service, into its outbox event, over Kafka to kpi-service's consumer, and
 * into the snapshot event that consumer publishes in turn.
 */
class TracingIT {

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  @Test
  void theClientsTraceIdReachesTheConsumerAndItsOwnEvents() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    String traceId = HexFormat.of().formatHex(bytes);
    String id =
        given()
            .baseUri(sut.gatewayUrl())
            .header("Authorization", "Bearer " + sut.token("kam-anna", "kam"))
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .contentType("application/json")
            .body("{\"name\":\"Traced " + UUID.randomUUID() + "\",\"ownerId\":\"kam-anna\"}")
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    ConsumerRecord<String, String> created = first("kam.account.events", id);
    assertTrue(
        created.value().contains(traceId),
        "account event carries the client's trace: " + created.value());
    ConsumerRecord<String, String> snapshot = first("kam.kpi.events", id);
    assertTrue(
        snapshot.value().contains(traceId),
        "kpi-service's snapshot, published while consuming the account event, carries the same trace: "
            + snapshot.value());
  }

  private static ConsumerRecord<String, String> first(String topic, String key) {
    return TestKafka.readUntil(
            topic, rs -> rs.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(60))
        .stream()
        .filter(r -> key.equals(r.key()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event for " + key + " on " + topic));
  }
}
