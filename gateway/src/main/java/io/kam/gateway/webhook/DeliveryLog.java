package io.kam.gateway.webhook;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription's deliveries, newest first; one redelivered, or every event since a time. */
@Singleton
public class DeliveryLog {

  private final Jdbc jdbc;

  public DeliveryLog(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public List<Delivery> page(
      UUID subscription, String status, Long afterPosition, UUID afterId, int size) {
    return jdbc.list(
        "select d.*, e.type from webhook_delivery d join webhook_event e on e.id = d.event_id"
            + " where d.subscription_id = :sub"
            + " and (cast(:status as text) is null or d.status = :status)"
            + " and (cast(:pos as bigint) is null or (d.event_position, d.id) < (:pos, :id))"
            + " order by d.event_position desc, d.id desc limit :size",
        SqlParams.of(
            "sub",
            subscription,
            "status",
            status,
            "pos",
            afterPosition,
            "id",
            afterId,
            "size",
            size),
        r ->
            new Delivery(
                r.uuid("id"),
                r.string("event_id"),
                r.string("type"),
                r.string("subject"),
                r.longValue("event_position"),
                r.string("status"),
                r.intValue("attempts"),
                r.instant("created_at"),
                r.instant("next_attempt_at"),
                r.instant("last_attempt_at"),
                r.intValue("last_status_code"),
                r.intValue("last_latency_ms"),
                r.string("last_error"),
                r.string("last_response"),
                r.instant("delivered_at")));
  }

  /**
   * Sends the delivery again, in its place: it is its subject's oldest undelivered one again, so
   * later events of that account wait for it. False when the subscription has no such delivery.
   */
  @Transactional
  public boolean redeliver(UUID subscription, UUID delivery) {
    return jdbc.update(
            "update webhook_delivery set status = 'PENDING', next_attempt_at = now(),"
                + " first_failed_at = null where id = :id and subscription_id = :sub",
            SqlParams.of("id", delivery, "sub", subscription))
        == 1;
  }

  /**
   * Every kept event the subscription matches (as it is configured now) received since {@code from}
   * goes again, in the order the gateway received them: existing deliveries are reset, the others
   * are created. The number of events.
   */
  @Transactional
  public int replay(UUID subscription, Instant from) {
    return jdbc.update(
        "insert into webhook_delivery (id, subscription_id, event_id, event_position, subject,"
            + " status, attempts, next_attempt_at, created_at)"
            + " select gen_random_uuid(), s.id, e.id, e.position, e.subject, 'PENDING', 0, now(),"
            + " now() from webhook_event e join webhook_subscription s on "
            + Matching.CONDITION.replace("s.status = 'ENABLED' and", "")
            + " where s.id = :sub and e.received_at >= :from"
            + " on conflict (subscription_id, event_id) do update set status = 'PENDING',"
            + " next_attempt_at = now(), first_failed_at = null",
        SqlParams.of("sub", subscription, "from", from));
  }
}
