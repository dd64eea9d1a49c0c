package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ManagementPortTest {

  // Relative to the management root path (/q).
  @TestHTTPResource(value = "/health/ready", management = true)
  URL readiness;

  @TestHTTPResource(value = "/health/live", management = true)
  URL liveness;

  @TestHTTPResource(value = "/metrics", management = true)
  URL metrics;

  @Test
  void healthAndMetricsAreServedOnTheManagementPort() {
    given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
    given().get(liveness).then().statusCode(200);
    given().get(metrics).then().statusCode(200).body(containsString("jvm_"));
  }

  @Test
  void thePublicPortServesNeitherHealthNorMetrics() {
    for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics"}) {
      given().get(path).then().statusCode(404);
    }
    given().get("/q/openapi").then().statusCode(200);
  }
}
