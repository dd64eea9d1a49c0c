package io.kam.gateway.webhook;

import io.kam.gateway.config.WebhookConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The delivery worker: on a scheduler thread (never an event loop) it claims due deliveries, sends
 * them in parallel on its own threads, records each outcome, and goes on while there is more.
 * Several gateway instances share the work through {@link DeliveryQueue}.
 */
@Singleton
public class Dispatcher {

  private final DeliveryQueue queue;
  private final WebhookSender sender;
  private final SecretBox box;
  private final TargetPolicy targets;
  private final RetryPolicy retries;
  private final WebhookMetrics metrics;
  private final WebhookConfig config;
  private final ExecutorService pool;

  public Dispatcher(
      DeliveryQueue queue,
      WebhookSender sender,
      SecretBox box,
      TargetPolicy targets,
      RetryPolicy retries,
      WebhookMetrics metrics,
      WebhookConfig config) {
    this.queue = queue;
    this.sender = sender;
    this.box = box;
    this.targets = targets;
    this.retries = retries;
    this.metrics = metrics;
    this.config = config;
    this.pool =
        Executors.newFixedThreadPool(
            config.concurrency(),
            r -> {
              Thread t = new Thread(r, "webhook-dispatch");
              t.setDaemon(true);
              return t;
            });
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  @Scheduled(
      every = "${kam.gateway.webhooks.poll-every:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    try {
      // Bounded, so one round never keeps the scheduler thread for ever.
      for (int round = 0; round < 50 && dispatchOnce() == config.concurrency(); round++) {
        // more are due: go on at once
      }
    } catch (RuntimeException e) {
      Log.warnf("webhook dispatch round failed, retrying on the next tick: %s", e.getMessage());
    }
  }

  /** One claim and its sends; the number claimed. */
  int dispatchOnce() {
    Duration lease =
        config.connectTimeout().plus(config.requestTimeout()).plus(Duration.ofSeconds(30));
    List<DeliveryQueue.Claimed> claimed = queue.claim(config.concurrency(), lease);
    List<Future<?>> sends = new ArrayList<>();
    for (DeliveryQueue.Claimed c : claimed) {
      sends.add(pool.submit(() -> deliver(c)));
    }
    for (Future<?> f : sends) {
      try {
        f.get();
      } catch (Exception e) {
        Log.warnf("a webhook delivery failed unexpectedly: %s", e.getMessage());
      }
    }
    return claimed.size();
  }

  private void deliver(DeliveryQueue.Claimed c) {
    Optional<String> refused = targets.problem(c.targetUrl());
    if (refused.isPresent()) {
      WebhookSender.Outcome none = new WebhookSender.Outcome(0, null, 0, null, null);
      metrics.failure("refused-target");
      retry(c, none, "target refused: " + refused.get());
      return;
    }
    long timestamp = Instant.now().getEpochSecond();
    String signature = Signatures.header(secrets(c), c.eventId(), timestamp, c.body());
    WebhookSender.Outcome o =
        sender.send(c.targetUrl(), c.eventId(), timestamp, signature, c.body());
    if (o.delivered()) {
      queue.delivered(c, o);
      metrics.outcome("delivered");
    } else if (o.status() == 410) {
      queue.gone(c, o);
      metrics.outcome("gone");
    } else {
      metrics.failure(o.status() == 0 ? o.failure().replace(' ', '-') : reason(o.status()));
      retry(c, o, o.status() == 0 ? o.failure() : "HTTP " + o.status());
    }
  }

  private void retry(DeliveryQueue.Claimed c, WebhookSender.Outcome o, String error) {
    Duration delay = retries.delay(c.attempts() + 1, o.retryAfter());
    String status = queue.failed(c, o, error, delay, config.retryFor(), config.disableAfter());
    metrics.outcome(Delivery.FAILED.equals(status) ? "failed" : "retry");
  }

  private List<String> secrets(DeliveryQueue.Claimed c) {
    String context = c.subscriptionId().toString();
    List<String> secrets = new ArrayList<>(List.of(box.open(c.secret(), context)));
    if (c.previousSecret() != null
        && c.previousSecretUntil() != null
        && c.previousSecretUntil().isAfter(Instant.now())) {
      secrets.add(box.open(c.previousSecret(), context));
    }
    return secrets;
  }

  private static String reason(int status) {
    return status == 429 ? "http-429" : status >= 500 ? "http-5xx" : "http-" + status / 100 + "xx";
  }
}
