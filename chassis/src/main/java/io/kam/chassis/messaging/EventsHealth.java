package io.kam.chassis.messaging;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows Kafka's state as this instance knows it, the relay's role, and the outbox backlog with its
 * quarantine in the readiness details without ever failing readiness: a broker outage delays
 * events, it does not make the service unable to serve (docs/events.md).
 */
@Readiness
@Singleton
public class EventsHealth implements HealthCheck {

  private final OutboxRelay relay;
  private final OutboxBacklog backlog;

  public EventsHealth(OutboxRelay relay, OutboxBacklog backlog) {
    this.relay = relay;
    this.backlog = backlog;
  }

  @Override
  public HealthCheckResponse call() {
    OutboxBacklog.Reading r = backlog.read();
    HealthCheckResponseBuilder b =
        HealthCheckResponse.named("Events (informational)")
            .up()
            .withData("kafka", relay.kafka())
            .withData("relay", relay.role())
            .withData("outboxBacklog", r.rows())
            .withData("outboxOldestAgeSeconds", (long) r.oldestAgeSeconds())
            .withData("outboxQuarantined", r.quarantined())
            .withData("outboxHeld", r.held());
    Instant ack = relay.lastAcknowledged();
    if (ack != null) {
      b.withData("kafkaLastAcknowledgedAt", ack.toString());
    }
    return b.build();
  }
}
