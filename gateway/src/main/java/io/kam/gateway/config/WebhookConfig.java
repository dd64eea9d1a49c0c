package io.kam.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Outbound webhooks: safety, timeouts, retries and retention (gateway README, "Webhooks"). */
@ConfigMapping(prefix = "kam.gateway.webhooks")
public interface WebhookConfig {

  /**
   * AES-256-GCM key (base64 of 32 bytes) that encrypts the signing secrets at rest
   * (KAM_WEBHOOK_SECRET_KEY). The default is a development key and is logged as such.
   */
  String secretKey();

  /** Plain http:// targets (development and tests only). */
  @WithDefault("false")
  boolean allowHttp();

  /** Targets resolving to private, loopback or link-local addresses (development and tests). */
  @WithDefault("false")
  boolean allowPrivateTargets();

  @WithDefault("5s")
  Duration connectTimeout();

  /** The whole exchange, from sending to the end of the (bounded) answer. */
  @WithDefault("15s")
  Duration requestTimeout();

  /** Bytes of a receiver's answer read at most; the log keeps the first {@link #logBytes()}. */
  @WithDefault("65536")
  int maxResponseBytes();

  @WithDefault("512")
  int logBytes();

  /** First retry delay; each further one doubles, with jitter, up to {@link #maxBackoff()}. */
  @WithDefault("30s")
  Duration initialBackoff();

  @WithDefault("2h")
  Duration maxBackoff();

  /** How long one delivery is retried before it is marked FAILED and the next one goes. */
  @WithDefault("26h")
  Duration retryFor();

  /** After this long of continuous failure the subscription is DISABLED. */
  @WithDefault("72h")
  Duration disableAfter();

  /** How long both secrets sign after a rotation, unless the request says otherwise. */
  @WithDefault("24h")
  Duration rotationOverlap();

  /** How long events are kept for replays (and delivered rows for the log). */
  @WithDefault("7d")
  Duration retention();

  /**
   * How often the dispatcher looks for due deliveries (it goes on at once while there are more).
   */
  @WithDefault("1s")
  Duration pollEvery();

  /** Deliveries claimed per round and sent in parallel at most. */
  @WithDefault("16")
  int concurrency();
}
