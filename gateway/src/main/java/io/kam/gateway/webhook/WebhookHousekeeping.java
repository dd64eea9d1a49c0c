package io.kam.gateway.webhook;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.gateway.config.WebhookConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

/**
 * Keeps events (and their deliveries) for {@code retention} only, and measures the lag: how long
 * the oldest due delivery has waited past its time.
 */
@Singleton
public class WebhookHousekeeping {

  private final Jdbc jdbc;
  private final WebhookConfig config;
  private final WebhookMetrics metrics;

  public WebhookHousekeeping(Jdbc jdbc, WebhookConfig config, WebhookMetrics metrics) {
    this.jdbc = jdbc;
    this.config = config;
    this.metrics = metrics;
  }

  @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void measure() {
    try {
      metrics.lag(
          jdbc.one(
                  "select coalesce(extract(epoch from now() - min(d.next_attempt_at)) * 1000, 0) as ms"
                      + " from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
                      + " and s.status = 'ENABLED'"
                      + " where d.status = 'PENDING' and d.next_attempt_at <= now()",
                  SqlParams.none(),
                  r -> r.resultSet().getLong("ms"))
              .orElse(0L));
    } catch (RuntimeException e) {
      // The database is away (an outage, or shutting down): the gauge keeps its last value.
      Log.debugf("webhook lag not measured: %s", e.getMessage());
    }
  }

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    int gone;
    try {
      gone =
          jdbc.update(
              "delete from webhook_event where received_at < now() - :ms * interval '1 millisecond'",
              SqlParams.of("ms", config.retention().toMillis()));
    } catch (RuntimeException e) {
      Log.warnf("webhook events not purged, retrying in an hour: %s", e.getMessage());
      return;
    }
    if (gone > 0) {
      Log.infof(
          "webhooks: %d events older than %s removed with their deliveries",
          gone, config.retention());
    }
  }
}
