package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trace export switched on by run-time configuration only: the packaged services of the shared
 * system get an OTLP endpoint (this test JVM's {@link OtlpReceiver}) and a sample ratio of 0 in
 * their environment, nothing else. A client's sampled call that writes an account is then one
 * exported trace: the gateway's server span, account-service's server span, the relay's producer
 * span, and consumer spans in the services that consume the account topic.
 */
class TraceExportIT {

  static final int SERVER = 2;
  static final int PRODUCER = 4;
  static final int CONSUMER = 5;

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  @Test
  void oneClientWriteIsOneExportedTraceAcrossGatewayServiceKafkaAndConsumers() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    String traceId = HexFormat.of().formatHex(bytes);
    given()
        .baseUri(sut.gatewayUrl())
        .header("Authorization", "Bearer " + sut.token("kam-anna", "kam"))
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .contentType("application/json")
        .body("{\"name\":\"Exported " + UUID.randomUUID() + "\",\"ownerId\":\"kam-anna\"}")
        .post("/api/v1/accounts")
        .then()
        .statusCode(201);

    OtlpReceiver receiver = OtlpReceiver.shared();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              List<OtlpReceiver.Span> trace = receiver.trace(traceId);
              String seen =
                  trace.stream()
                      .map(s -> s.service() + ":" + s.kind() + ":" + s.name())
                      .collect(Collectors.joining(", "));
              assertTrue(has(trace, "gateway", SERVER), "the gateway's server span: " + seen);
              assertTrue(
                  has(trace, "account-service", SERVER), "account-service's server span: " + seen);
              assertTrue(
                  has(trace, "account-service", PRODUCER),
                  "the relay's producer span to kam.account.events: " + seen);
              Set<String> consumers =
                  trace.stream()
                      .filter(s -> s.kind() == CONSUMER)
                      .map(OtlpReceiver.Span::service)
                      .collect(Collectors.toSet());
              assertTrue(
                  consumers.size() >= 2, "consumer spans in two consuming services: " + seen);
            });
  }

  private static boolean has(List<OtlpReceiver.Span> trace, String service, int kind) {
    return trace.stream().anyMatch(s -> s.service().equals(service) && s.kind() == kind);
  }
}
