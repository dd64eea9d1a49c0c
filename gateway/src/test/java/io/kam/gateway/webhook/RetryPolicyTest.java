package io.kam.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDate() {
    assertEquals(Duration.ofSeconds(7), RetryPolicy.retryAfter("7"));
    assertNull(RetryPolicy.retryAfter("soon"));
    assertNull(RetryPolicy.retryAfter(null));
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
    Duration d = RetryPolicy.retryAfter(date);
    assertTrue(d.getSeconds() > 100 && d.getSeconds() <= 120, d.toString());
  }
}
