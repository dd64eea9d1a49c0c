package io.kam.chassis.http;

import static io.kam.chassis.Auth.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

  private Response post(String key, String body) {
    return asAdmin().header("Idempotency-Key", key).contentType("application/json").body(body)
        .when().post("/api/v1/widgets").then().extract().response();
  }

  @Test
  void sameKeyAndBodyReplaysTheFirstResponse() {
    String key = UUID.randomUUID().toString();
    Response first = post(key, "{\"name\":\"idem\"}");
    Response second = post(key, "{\"name\":\"idem\"}");
    assertEquals(201, first.statusCode());
    assertEquals(201, second.statusCode());
    assertEquals(first.<String>path("id"), second.<String>path("id"));
    assertEquals(first.header("Location"), second.header("Location"));
    assertEquals("true", second.header("Idempotent-Replayed"));
  }

  @Test
  void sameKeyWithAnotherBodyIs422() {
    String key = UUID.randomUUID().toString();
    post(key, "{\"name\":\"a\"}");
    Response other = post(key, "{\"name\":\"b\"}");
    assertEquals(422, other.statusCode());
    assertEquals("application/problem+json", other.contentType());
  }

  @Test
  void aFailedFirstAttemptDoesNotBurnTheKey() {
    String key = UUID.randomUUID().toString();
    asAdmin().header("Idempotency-Key", key).contentType("application/json").body("{\"name\":\"\"}")
        .when().post("/api/v1/widgets").then().statusCode(422);
    post(key, "{\"name\":\"\"}").then().statusCode(422);
  }

  @Test
  void theSameKeyIsIndependentPerCaller() {
    String key = UUID.randomUUID().toString();
    post(key, "{\"name\":\"mine\"}").then().statusCode(201);
    io.kam.chassis.Auth.as("kam-ben", "kam").header("Idempotency-Key", key).contentType("application/json")
        .body("{\"name\":\"theirs\"}").when().post("/api/v1/widgets").then().statusCode(201)
        .body("name", equalTo("theirs"));
  }
}
