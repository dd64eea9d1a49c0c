package io.kam.gateway.webhook;

import java.time.Instant;
import java.util.UUID;

/** One delivery of one event to one subscription, as its log shows it. */
public record Delivery(
    UUID id,
    String eventId,
    String eventType,
    String subject,
    long position,
    String status,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer lastStatusCode,
    Integer lastLatencyMs,
    String lastError,
    String lastResponse,
    Instant deliveredAt) {

  public static final String PENDING = "PENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String FAILED = "FAILED";
}
