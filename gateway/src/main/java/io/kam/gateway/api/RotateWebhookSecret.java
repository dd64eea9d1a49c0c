package io.kam.gateway.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How long the previous secret keeps signing beside the new one. */
@Schema(name = "RotateWebhookSecret")
public record RotateWebhookSecret(
    @Schema(
            description =
                "Seconds both secrets sign (two `v1,` signatures); 0 ends the old one at once;"
                    + " default 86400",
            example = "86400")
        @Min(0)
        @Max(604800)
        Integer overlapSeconds) {}
