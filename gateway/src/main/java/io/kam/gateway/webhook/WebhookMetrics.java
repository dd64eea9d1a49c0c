package io.kam.gateway.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code kam_webhook_deliveries_total{outcome}} (delivered, retry, failed, gone), {@code
 * kam_webhook_failures_total{reason}} (timeout, connection, http-4xx/5xx/429, refused-target) and
 * {@code kam_webhook_lag_seconds}: how long the oldest due delivery has been waiting.
 */
@Singleton
public class WebhookMetrics {

  private final MeterRegistry registry;
  private final AtomicLong lagMillis = new AtomicLong();

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
    registry.gauge("kam.webhook.lag.seconds", lagMillis, l -> l.get() / 1000.0);
  }

  void outcome(String outcome) {
    registry.counter("kam.webhook.deliveries", "outcome", outcome).increment();
  }

  void failure(String reason) {
    registry.counter("kam.webhook.failures", "reason", reason).increment();
  }

  void lag(long millis) {
    lagMillis.set(Math.max(0, millis));
  }
}
