package io.kam.chassis.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.chassis.ManagementPort;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.junit.jupiter.api.Test;

/**
 * HTTP latency is a histogram with the chassis's buckets on every process's metrics endpoint, and
 * with no OTLP endpoint configured (as here) nothing is ever sampled, so nothing is exported.
 */
@QuarkusTest
class ObservabilityMetricsTest {

  @Inject Sampler sampler;

  @Test
  void httpServerLatencyIsServedAsAHistogramWithBoundedBuckets() {
    given().get("/api/v1/widgets/" + UUID.randomUUID()).then().statusCode(401);
    String metrics =
        given().get(ManagementPort.url("metrics")).then().statusCode(200).extract().asString();
    for (String le : new String[] {"0.005", "0.025", "0.1", "0.5", "2.5", "10.0", "+Inf"}) {
      assertTrue(
          metrics
              .lines()
              .anyMatch(
                  l ->
                      l.startsWith("http_server_requests_seconds_bucket{")
                          && l.contains("le=\"" + le + "\"")),
          "a bucket le=" + le + " of http_server_requests_seconds");
    }
    assertTrue(
        metrics
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("http_server_requests_seconds_count{")
                        && l.contains("status=\"401\"")),
        "the refused call is counted in the histogram");
  }

  @Test
  void withoutAnOtlpEndpointNothingIsSampledEvenForASampledCaller() {
    ConfigValue v = ConfigProvider.getConfig().getConfigValue(TraceSampling.TRACES_ENDPOINT);
    assertEquals(
        Sampler.alwaysOff().getDescription(),
        sampler.getDescription(),
        v.getValue() + " from " + v.getSourceName() + " " + v.getSourceOrdinal());
  }

  @Test
  void withAnEndpointCallersSampledTracesAreFollowedAndTheRatioAppliesToOthers() {
    String description = TraceSampling.choose(true, 0.25).getDescription();
    assertTrue(description.startsWith("ParentBased{root:TraceIdRatioBased{0.25"), description);
    assertTrue(Arrays.asList(LatencyHistograms.BUCKETS).size() <= 12, "bounded bucket count");
  }
}
