package io.kam.gateway.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a replay queued. */
@Schema(name = "WebhookReplay")
public record WebhookReplayView(
    Instant from,
    @Schema(description = "Events queued again (or for the first time), in the order received")
        int events) {}
