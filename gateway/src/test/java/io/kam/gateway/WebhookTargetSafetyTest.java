package io.kam.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.kam.platform.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With production's safety settings: https only, no target inside the network (SSRF). */
@QuarkusTest
@TestProfile(WebhookTargetSafetyTest.ProductionSafety.class)
class WebhookTargetSafetyTest {

  public static class ProductionSafety implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "kam.gateway.webhooks.allow-http", "false",
          "kam.gateway.webhooks.allow-private-targets", "false");
    }
  }

  private static void refused(String url, String why) {
    given()
        .header("Authorization", "Bearer " + TestAuth.client("admin-ada", "admin"))
        .contentType("application/json")
        .body("{\"targetUrl\":\"" + url + "\",\"eventTypes\":[\"*\"]}")
        .post("/api/v1/webhooks")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", containsString("targetUrl"))
        .body("errors[0].message", containsString(why));
  }

  @Test
  void refusesPlainHttp() {
    refused("http://partner.example/hook", "must be https");
  }

  @Test
  void refusesTargetsInsideTheNetwork() {
    for (String url :
        List.of(
            "https://127.0.0.1/hook",
            "https://localhost:8443/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://10.0.0.7/hook",
            "https://192.168.1.20/hook",
            "https://[::1]/hook",
            "https://[fd00::1]/hook",
            "https://0.0.0.0/hook")) {
      refused(url, "private, loopback or link-local");
    }
  }
}
