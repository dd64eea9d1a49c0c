package io.kam.chassis.messaging;

import static io.kam.chassis.Auth.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.platform.PlatformTestResource;
import io.kam.platform.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** With the broker down, writes still succeed; when it is back, every event goes out once. */
@QuarkusTest
class KafkaOutageTest {

  /** Readiness lives on the management port (the path is relative to its root, /q). */
  @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
  java.net.URL readiness;

  @Test
  void writesSucceedDuringAnOutageAndEveryEventIsPublishedOnceAfterwards() {
    List<String> ids = new ArrayList<>();
    PlatformTestResource.shared().stopKafka();
    try {
      for (int i = 0; i < 10; i++) {
        ids.add(
            asAdmin()
                .contentType("application/json")
                .body("{\"name\":\"outage-" + i + "\"}")
                .post("/api/v1/widgets")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
      }
      io.restassured.RestAssured.given()
          .get(readiness)
          .then()
          .statusCode(200)
          .body(
              "checks.find { it.name == 'Events (informational)' }.data.outboxBacklog",
              Matchers.greaterThanOrEqualTo(10));
    } finally {
      PlatformTestResource.shared().startKafka();
    }
    Set<String> wanted = Set.copyOf(ids);
    List<ConsumerRecord<String, String>> records =
        TestKafka.readUntil(
            "kam.plan.events",
            rs ->
                rs.stream().map(ConsumerRecord::key).filter(wanted::contains).distinct().count()
                    == wanted.size(),
            Duration.ofSeconds(90));
    var perKey =
        records.stream()
            .map(ConsumerRecord::key)
            .filter(wanted::contains)
            .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
    assertEquals(wanted.size(), perKey.size());
    perKey.values().forEach(n -> assertEquals(1L, n));
  }
}
