package io.kam.chassis.time;

import static io.kam.chassis.Auth.as;
import static io.kam.chassis.Auth.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClockTest {

  @Inject KamClock clock;

  @AfterEach
  void reset() {
    clock.set(Instant.parse("2026-10-01T00:00:00Z"));
  }

  @Test
  void configurationFixesNow() {
    assertEquals(Instant.parse("2026-10-01T00:00:00Z"), clock.now());
    assertEquals("2026-10", clock.currentMonth().toString());
  }

  @Test
  void anAdminMovesAnAdjustableClock() {
    asAdmin()
        .contentType("application/json")
        .body("{\"now\":\"2026-11-01T00:00:00Z\"}")
        .put("/api/v1/admin/chassis-test/clock")
        .then()
        .statusCode(200)
        .body("now", equalTo("2026-11-01T00:00:00Z"));
    assertEquals(Instant.parse("2026-11-01T00:00:00Z"), clock.now());
  }

  @Test
  void onlyAdminsMoveTheClock() {
    as("kam-anna", "kam")
        .contentType("application/json")
        .body("{\"now\":\"2026-11-01T00:00:00Z\"}")
        .put("/api/v1/admin/chassis-test/clock")
        .then()
        .statusCode(403);
  }
}
