package io.kam.gateway.api;

import io.kam.gateway.webhook.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as read: never its secret. */
@Schema(name = "Webhook")
public record WebhookView(
    UUID id,
    String targetUrl,
    List<String> eventTypes,
    String ownerId,
    UUID accountId,
    String description,
    @Schema(enumeration = {"ENABLED", "DISABLED"}) String status,
    @Schema(description = "Why it is DISABLED (by whom, 410 Gone, or failing since when)")
        String disabledReason,
    Instant disabledAt,
    @Schema(description = "Until when the previous secret also signs, after a rotation")
        Instant previousSecretUntil,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {

  static WebhookView of(Subscription s) {
    return new WebhookView(
        s.id(),
        s.targetUrl(),
        s.eventTypes(),
        s.ownerId(),
        s.accountId(),
        s.description(),
        s.status(),
        s.disabledReason(),
        s.disabledAt(),
        s.previousSecretUntil(),
        s.version(),
        s.createdAt(),
        s.createdBy(),
        s.updatedAt());
  }
}
