package io.kam.chassis.events;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows Kafka's state and the outbox backlog in the readiness details without ever failing
 * readiness: a broker outage delays events, it does not make the service unable to serve.
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
    return HealthCheckResponse.named("Events (informational)")
        .up()
        .withData("kafka", relay.brokerReachable() ? "reachable" : "unreachable")
        .withData("outboxBacklog", r.rows())
        .withData("outboxOldestAgeSeconds", (long) r.oldestAgeSeconds())
        .build();
  }
}
