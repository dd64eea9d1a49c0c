package io.kam.gateway.api;

import io.kam.gateway.webhook.Subscription;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as a caller writes it (POST, and merged by PATCH). */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
    @Schema(
            description =
                "Where events are POSTed: https (http only where the gateway allows it for"
                    + " development); a host resolving to a private, loopback or link-local address"
                    + " is refused",
            example = "https://crm.partner.example/kam-webhooks")
        @NotBlank
        @Size(max = 2000)
        String targetUrl,
    @Schema(
            description =
                "Event types to receive: exact (`kam.account.updated.v1`), a prefix pattern"
                    + " (`kam.account.*`) or `*` for all",
            example = "[\"kam.account.*\", \"kam.score.changed.v1\"]")
        @NotNull
        @NotEmpty
        @Size(max = 50)
        List<
                @NotNull @Size(max = 200)
                @Pattern(
                    regexp = "\\*|[a-z0-9-]+(\\.[a-z0-9-]+)*(\\.\\*)?",
                    message = "must be an event type, a prefix ending in .* or *")
                String>
            eventTypes,
    @Schema(description = "Only events of accounts this user owns", example = "kam-anna")
        @Size(max = 200)
        @Pattern(regexp = "\\S+", message = "must not be blank or contain spaces")
        String ownerId,
    @Schema(description = "Only events of this account") UUID accountId,
    @Size(max = 500) String description,
    @Schema(
            description =
                "ENABLED (default) or DISABLED; enabling a disabled subscription sends what waited",
            enumeration = {"ENABLED", "DISABLED"})
        @Pattern(regexp = "ENABLED|DISABLED", message = "must be ENABLED or DISABLED")
        String status) {

  Subscription.Data toData() {
    return new Subscription.Data(
        targetUrl, List.copyOf(eventTypes), ownerId, accountId, description, status);
  }

  static WebhookRequest of(Subscription.Data d) {
    return new WebhookRequest(
        d.targetUrl(), d.eventTypes(), d.ownerId(), d.accountId(), d.description(), d.status());
  }
}
