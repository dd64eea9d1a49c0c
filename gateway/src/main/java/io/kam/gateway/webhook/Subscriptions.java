package io.kam.gateway.webhook;

import io.kam.chassis.http.Preconditions;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.gateway.apikey.ApiKeyRevoked;
import io.kam.gateway.config.WebhookConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Partners' webhook subscriptions. {@code viewer} is the caller's origin, or null for an admin who
 * sees every subscription; a subscription someone else owns is 404, as if it did not exist.
 */
@Singleton
public class Subscriptions {

  /** A subscription with its secret in clear: only in the answer that created or rotated it. */
  public record WithSecret(Subscription subscription, String secret) {}

  private final SubscriptionRepository repository;
  private final SecretBox box;
  private final TargetPolicy targets;
  private final WebhookConfig config;
  private final Jdbc jdbc;

  public Subscriptions(
      SubscriptionRepository repository,
      SecretBox box,
      TargetPolicy targets,
      WebhookConfig config,
      Jdbc jdbc) {
    this.repository = repository;
    this.box = box;
    this.targets = targets;
    this.config = config;
    this.jdbc = jdbc;
  }

  /**
   * A revoked key's subscriptions stop with it (in the revoking transaction): a partner whose
   * access was withdrawn receives no more events. An admin may enable one again.
   */
  void disableOnRevocation(@Observes ApiKeyRevoked revoked) {
    jdbc.update(
        "update webhook_subscription set status = 'DISABLED', disabled_at = now(),"
            + " disabled_reason = 'its API key was revoked', version = version + 1,"
            + " updated_at = now() where owner_origin = :origin and status = 'ENABLED'",
        SqlParams.of("origin", revoked.origin()));
  }

  @Transactional
  public WithSecret create(Subscription.Data data, String origin) {
    checkTarget(data.targetUrl());
    Instant now = now();
    WebhookSubscription s = new WebhookSubscription();
    s.id = UUID.randomUUID();
    s.ownerOrigin = origin;
    apply(s, data);
    s.status = data.status() == null ? Subscription.ENABLED : data.status();
    if (Subscription.DISABLED.equals(s.status)) {
      s.disabledAt = now;
      s.disabledReason = "disabled by " + origin;
    }
    String secret = Signatures.newSecret();
    s.secret = box.seal(secret, s.id.toString());
    s.version = 1;
    s.createdAt = now;
    s.createdBy = origin;
    s.updatedAt = now;
    repository.persist(s);
    return new WithSecret(Subscription.of(s), secret);
  }

  @Transactional
  public Subscription get(UUID id, String viewer) {
    return Subscription.of(visible(repository.findByIdOptional(id).orElse(null), id, viewer));
  }

  @Transactional
  public List<Subscription> page(String viewer, Instant afterAt, UUID afterId, int size) {
    return repository.page(viewer, afterAt, afterId, size).stream().map(Subscription::of).toList();
  }

  /** Changes a subscription: {@code change} gets the current data as locked by this write. */
  @Transactional
  public Subscription change(
      UUID id, String ifMatch, UnaryOperator<Subscription.Data> change, String viewer) {
    WebhookSubscription s = visible(repository.lock(id).orElse(null), id, viewer);
    Preconditions.requireIfMatch(ifMatch, s.version);
    Subscription.Data next = change.apply(Subscription.of(s).data());
    if (!Objects.equals(next.targetUrl(), s.targetUrl)) {
      checkTarget(next.targetUrl());
    }
    Instant now = now();
    String status = next.status() == null ? s.status : next.status();
    if (Subscription.ENABLED.equals(status) && Subscription.DISABLED.equals(s.status)) {
      s.disabledAt = null;
      s.disabledReason = null;
      s.failingSince = null;
      // What waited while disabled goes now, with a fresh retry window.
      jdbc.update(
          "update webhook_delivery set next_attempt_at = now(), first_failed_at = null"
              + " where subscription_id = :id and status = 'PENDING'",
          SqlParams.of("id", id));
    } else if (Subscription.DISABLED.equals(status) && Subscription.ENABLED.equals(s.status)) {
      s.disabledAt = now;
      s.disabledReason = "disabled by " + viewerName(viewer, s);
    }
    apply(s, next);
    s.status = status;
    s.version++;
    s.updatedAt = now;
    return Subscription.of(s);
  }

  @Transactional
  public void delete(UUID id, String ifMatch, String viewer) {
    WebhookSubscription s = visible(repository.lock(id).orElse(null), id, viewer);
    Preconditions.requireIfMatch(ifMatch, s.version);
    repository.delete(s);
  }

  /**
   * A new secret signs from now on; the previous one also signs for {@code overlap} (zero: at once
   * no more), so receivers can switch without losing a delivery.
   */
  @Transactional
  public WithSecret rotate(UUID id, Duration overlap, String viewer) {
    WebhookSubscription s = visible(repository.lock(id).orElse(null), id, viewer);
    Instant now = now();
    Duration keep = overlap == null ? config.rotationOverlap() : overlap;
    if (keep.isZero()) {
      s.previousSecret = null;
      s.previousSecretUntil = null;
    } else {
      s.previousSecret = s.secret; // sealed for this subscription already
      s.previousSecretUntil = now.plus(keep);
    }
    String secret = Signatures.newSecret();
    s.secret = box.seal(secret, s.id.toString());
    s.version++;
    s.updatedAt = now;
    return new WithSecret(Subscription.of(s), secret);
  }

  /** 404 unless it exists and the viewer may see it (null: an admin, who sees all). */
  public WebhookSubscription visible(WebhookSubscription s, UUID id, String viewer) {
    if (s == null || (viewer != null && !viewer.equals(s.ownerOrigin))) {
      throw ProblemException.notFound("no webhook subscription " + id);
    }
    return s;
  }

  private void checkTarget(String url) {
    targets
        .problem(url)
        .ifPresent(
            problem -> {
              throw ProblemException.invalid("targetUrl", problem);
            });
  }

  private static void apply(WebhookSubscription s, Subscription.Data d) {
    s.targetUrl = d.targetUrl();
    s.eventTypes = String.join(",", d.eventTypes());
    s.ownerId = d.ownerId();
    s.accountId = d.accountId();
    s.description = d.description();
  }

  private static String viewerName(String viewer, WebhookSubscription s) {
    return viewer == null ? "an admin" : s.ownerOrigin;
  }

  private static Instant now() {
    // Microseconds, as PostgreSQL keeps them: a read-back row equals the written one.
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
