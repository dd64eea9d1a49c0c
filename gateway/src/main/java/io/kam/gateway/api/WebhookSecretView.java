package io.kam.gateway.api;

import io.kam.gateway.webhook.Subscriptions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The only answers that carry a signing secret: creation and rotation. */
@Schema(name = "WebhookWithSecret")
public record WebhookSecretView(
    WebhookView webhook,
    @Schema(
            description =
                "The signing secret (`whsec_` + base64), shown in this response only; null in an"
                    + " Idempotency-Key replay",
            example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {

  static WebhookSecretView of(Subscriptions.WithSecret s) {
    return new WebhookSecretView(WebhookView.of(s.subscription()), s.secret());
  }
}
