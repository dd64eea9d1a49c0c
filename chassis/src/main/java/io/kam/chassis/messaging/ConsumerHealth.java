package io.kam.chassis.messaging;

import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event consumers: DOWN ("degraded") while a consumer is paused on a transient
 * failure (its database unreachable), naming the topic, since when and why; UP otherwise. A paused
 * consumer acknowledges nothing, so no offset is committed until the failure passes.
 */
@Readiness
@Singleton
public class ConsumerHealth implements HealthCheck {

  private final ConsumerPauses pauses;
  private final boolean pausedFailsReadiness;

  /**
   * {@code kam.health.paused-consumer-fails-readiness=false} keeps a process ready whose consumers
   * are not what it serves (the gateway: webhooks wait, proxying does not).
   */
  public ConsumerHealth(
      ConsumerPauses pauses,
      @ConfigProperty(name = "kam.health.paused-consumer-fails-readiness", defaultValue = "true")
          boolean pausedFailsReadiness) {
    this.pauses = pauses;
    this.pausedFailsReadiness = pausedFailsReadiness;
  }

  @Override
  public HealthCheckResponse call() {
    Map<String, ConsumerPauses.Pause> paused = pauses.current();
    HealthCheckResponseBuilder b =
        HealthCheckResponse.named("Event consumers")
            .status(paused.isEmpty() || !pausedFailsReadiness);
    if (paused.isEmpty()) {
      return b.withData("state", "consuming").build();
    }
    b.withData("state", "degraded: paused until the failure passes");
    paused.forEach(
        (topic, p) -> b.withData(topic, "paused since " + p.since() + ": " + p.reason()));
    return b.build();
  }
}
