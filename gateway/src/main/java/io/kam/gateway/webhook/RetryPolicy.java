package io.kam.gateway.webhook;

import io.kam.gateway.config.WebhookConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: exponential backoff from {@code initial-backoff}, doubling per attempt up to
 * {@code max-backoff}, with jitter (a random 50..100 % of it) so that many failing deliveries do
 * not come back at the same instant; a {@code Retry-After} of the receiver (seconds or an HTTP
 * date) is honoured instead, up to {@code max-backoff}.
 */
@Singleton
public class RetryPolicy {

  private final WebhookConfig config;

  public RetryPolicy(WebhookConfig config) {
    this.config = config;
  }

  /** The delay after the {@code attempts}-th failed attempt (1 = the first). */
  public Duration delay(int attempts, String retryAfter) {
    Duration max = config.maxBackoff();
    Duration asked = retryAfter(retryAfter);
    if (asked != null) {
      return asked.compareTo(max) > 0 ? max : asked;
    }
    long base = config.initialBackoff().toMillis();
    long capped = max.toMillis();
    long exp = base << Math.min(Math.max(attempts - 1, 0), 30);
    long delay = exp <= 0 || exp > capped ? capped : exp;
    return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
  }

  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String v = header.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }
}
