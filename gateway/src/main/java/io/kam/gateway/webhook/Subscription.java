package io.kam.gateway.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A subscription as callers see it: never a secret. */
public record Subscription(
    UUID id,
    String targetUrl,
    List<String> eventTypes,
    String ownerId,
    UUID accountId,
    String description,
    String status,
    String disabledReason,
    Instant disabledAt,
    Instant previousSecretUntil,
    long version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {

  public static final String ENABLED = "ENABLED";
  public static final String DISABLED = "DISABLED";

  /** What a caller may set. */
  public record Data(
      String targetUrl,
      List<String> eventTypes,
      String ownerId,
      UUID accountId,
      String description,
      String status) {}

  public Data data() {
    return new Data(targetUrl, eventTypes, ownerId, accountId, description, status);
  }

  static Subscription of(WebhookSubscription s) {
    return new Subscription(
        s.id,
        s.targetUrl,
        Arrays.asList(s.eventTypes.split(",")),
        s.ownerId,
        s.accountId,
        s.description,
        s.status,
        s.disabledReason,
        s.disabledAt,
        s.previousSecretUntil,
        s.version,
        s.createdAt,
        s.createdBy,
        s.updatedAt);
  }
}
