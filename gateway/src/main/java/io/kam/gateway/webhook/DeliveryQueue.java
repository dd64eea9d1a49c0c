package io.kam.gateway.webhook;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The deliveries waiting to go, shared by every gateway instance through the database. Per
 * subscription and subject (account) only the oldest undelivered delivery is eligible, so an
 * account's events arrive in order. A claim locks due heads with {@code FOR UPDATE SKIP LOCKED} and
 * moves their next attempt past a lease in the same short transaction: another instance neither
 * waits for them nor sends them while the claimer does, and if the claimer dies they are due again
 * when the lease runs out (at least once; receivers dedupe on {@code webhook-id}).
 */
@Singleton
public class DeliveryQueue {

  /** A claimed delivery with what sending it needs (secrets still sealed). */
  public record Claimed(
      UUID id,
      UUID subscriptionId,
      String eventId,
      String body,
      int attempts,
      String targetUrl,
      String secret,
      String previousSecret,
      Instant previousSecretUntil) {}

  private final Jdbc jdbc;

  public DeliveryQueue(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public List<Claimed> claim(int max, Duration lease) {
    List<UUID> ids =
        jdbc.list(
            "with heads as (select distinct on (subscription_id, subject) id, subscription_id,"
                + " next_attempt_at from webhook_delivery where status = 'PENDING'"
                + " order by subscription_id, subject, event_position),"
                + " due as (select h.id from heads h join webhook_subscription s"
                + " on s.id = h.subscription_id and s.status = 'ENABLED'"
                + " where h.next_attempt_at <= now() order by h.next_attempt_at limit :max)"
                // Re-checked on the row as locked: a row another instance claimed meanwhile is
                // not due any more, so it is never claimed twice.
                + " select d.id from webhook_delivery d where d.id in (select id from due)"
                + " and d.status = 'PENDING' and d.next_attempt_at <= now()"
                + " for update of d skip locked",
            SqlParams.of("max", max),
            r -> r.uuid("id"));
    if (ids.isEmpty()) {
      return List.of();
    }
    SqlParams p = SqlParams.of("lease", lease.toMillis()).array("ids", "uuid", ids);
    jdbc.update(
        "update webhook_delivery set next_attempt_at = now() + :lease * interval '1 millisecond'"
            + " where id = any(:ids)",
        p);
    return jdbc.list(
        "select d.id, d.subscription_id, d.event_id, e.body, d.attempts, s.target_url, s.secret,"
            + " s.previous_secret, s.previous_secret_until from webhook_delivery d"
            + " join webhook_event e on e.id = d.event_id"
            + " join webhook_subscription s on s.id = d.subscription_id where d.id = any(:ids)",
        p,
        r ->
            new Claimed(
                r.uuid("id"),
                r.uuid("subscription_id"),
                r.string("event_id"),
                r.string("body"),
                r.intValue("attempts"),
                r.string("target_url"),
                r.string("secret"),
                r.string("previous_secret"),
                r.instant("previous_secret_until")));
  }

  @Transactional
  public void delivered(Claimed c, WebhookSender.Outcome o) {
    jdbc.update(
        "update webhook_delivery set status = 'DELIVERED', delivered_at = now(),"
            + " first_failed_at = null, "
            + ATTEMPT
            + " where id = :id",
        attempt(c, o, null));
    jdbc.update(
        "update webhook_subscription set failing_since = null"
            + " where id = :sub and failing_since is not null",
        SqlParams.of("sub", c.subscriptionId()));
  }

  /**
   * A failed attempt: next try after {@code delay}, unless the delivery has failed for {@code
   * retryFor} (then FAILED, and the account's next event goes); the subscription is DISABLED once
   * it has failed continuously for {@code disableAfter}. The delivery's status after it.
   */
  @Transactional
  public String failed(
      Claimed c,
      WebhookSender.Outcome o,
      String error,
      Duration delay,
      Duration retryFor,
      Duration disableAfter) {
    String status =
        jdbc.one(
                "update webhook_delivery set "
                    + ATTEMPT
                    + ", first_failed_at = coalesce(first_failed_at, now()),"
                    + " status = case when coalesce(first_failed_at, now())"
                    + " <= now() - :retryFor * interval '1 millisecond' then 'FAILED'"
                    + " else 'PENDING' end,"
                    + " next_attempt_at = now() + :delay * interval '1 millisecond'"
                    + " where id = :id returning status",
                attempt(c, o, error)
                    .set("retryFor", retryFor.toMillis())
                    .set("delay", delay.toMillis()),
                r -> r.string("status"))
            .orElse(Delivery.FAILED);
    SqlParams sub = SqlParams.of("sub", c.subscriptionId(), "after", disableAfter.toMillis());
    jdbc.update(
        "update webhook_subscription set failing_since = coalesce(failing_since, now())"
            + " where id = :sub",
        sub);
    jdbc.update(
        "update webhook_subscription set status = 'DISABLED', disabled_at = now(),"
            + " disabled_reason = 'failing continuously since ' || to_char(failing_since at time"
            + " zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), version = version + 1,"
            + " updated_at = now() where id = :sub and status = 'ENABLED'"
            + " and failing_since <= now() - :after * interval '1 millisecond'",
        sub);
    return status;
  }

  /** 410 Gone: the receiver wants no more; the delivery waits in case it is enabled again. */
  @Transactional
  public void gone(Claimed c, WebhookSender.Outcome o) {
    jdbc.update(
        "update webhook_delivery set next_attempt_at = now(), " + ATTEMPT + " where id = :id",
        attempt(c, o, "410 Gone: subscription disabled"));
    jdbc.update(
        "update webhook_subscription set status = 'DISABLED', disabled_at = now(),"
            + " disabled_reason = 'the target answered 410 Gone', version = version + 1,"
            + " updated_at = now() where id = :sub and status = 'ENABLED'",
        SqlParams.of("sub", c.subscriptionId()));
  }

  private static final String ATTEMPT =
      "attempts = attempts + 1, last_attempt_at = now(), last_status_code = :code,"
          + " last_latency_ms = :latency, last_error = :error, last_response = :response";

  private static SqlParams attempt(Claimed c, WebhookSender.Outcome o, String error) {
    return SqlParams.of(
        "id",
        c.id(),
        "code",
        o.status() == 0 ? null : o.status(),
        "latency",
        (int) Math.min(o.latencyMs(), Integer.MAX_VALUE),
        "error",
        error,
        "response",
        o.responseStart());
  }
}
