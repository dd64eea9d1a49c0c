package io.kam.gateway.api;

import io.kam.gateway.webhook.Delivery;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a subscription's delivery log. */
@Schema(name = "WebhookDelivery")
public record WebhookDeliveryView(
    UUID id,
    @Schema(description = "The CloudEvent id, sent as `webhook-id`") String eventId,
    String eventType,
    @Schema(description = "The account the event is about") String subject,
    @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
    int attempts,
    Instant createdAt,
    @Schema(description = "When a PENDING delivery is tried next") Instant nextAttemptAt,
    Instant lastAttemptAt,
    @Schema(description = "HTTP status of the last answer; null when none came")
        Integer lastStatusCode,
    Integer lastLatencyMs,
    @Schema(description = "Why the last attempt failed (timeout, connection failed, HTTP 503...)")
        String lastError,
    @Schema(description = "The first bytes of the last answer") String lastResponse,
    Instant deliveredAt) {

  static WebhookDeliveryView of(Delivery d) {
    return new WebhookDeliveryView(
        d.id(),
        d.eventId(),
        d.eventType(),
        d.subject(),
        d.status(),
        d.attempts(),
        d.createdAt(),
        Delivery.PENDING.equals(d.status()) ? d.nextAttemptAt() : null,
        d.lastAttemptAt(),
        d.lastStatusCode(),
        d.lastLatencyMs(),
        d.lastError(),
        d.lastResponse(),
        d.deliveredAt());
  }
}
