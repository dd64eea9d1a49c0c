package io.kam.gateway.webhook;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Takes one event of the services' topics: keeps it (for replays) and writes one delivery per
 * matching enabled subscription, in one transaction that commits before the record's offset is
 * acknowledged. A redelivered event changes nothing (the event id and (subscription, event id) are
 * unique).
 */
@Singleton
public class EventIntake {

  /** What the intake needs of an event; {@code ownerId} only from account events that carry one. */
  public record Incoming(
      String id, String type, String subject, String body, boolean accountEvent, String ownerId) {}

  private final Jdbc jdbc;

  public EventIntake(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The number of deliveries written. */
  @Transactional
  public int take(Incoming event) {
    if (event.accountEvent() && event.ownerId() != null) {
      jdbc.update(
          "insert into webhook_account_owner (account_id, owner_id) values (:subject, :owner)"
              + " on conflict (account_id) do update set owner_id = excluded.owner_id",
          SqlParams.of("subject", event.subject(), "owner", event.ownerId()));
    }
    jdbc.update(
        "insert into webhook_event (id, type, subject, body, received_at)"
            + " values (:id, :type, :subject, :body, now()) on conflict (id) do nothing",
        SqlParams.of(
            "id",
            event.id(),
            "type",
            event.type(),
            "subject",
            event.subject(),
            "body",
            event.body()));
    return jdbc.update(
        "insert into webhook_delivery (id, subscription_id, event_id, event_position, subject,"
            + " status, attempts, next_attempt_at, created_at)"
            + " select gen_random_uuid(), s.id, e.id, e.position, e.subject, 'PENDING', 0, now(),"
            + " now() from webhook_event e join webhook_subscription s on "
            + Matching.CONDITION
            + " where e.id = :id on conflict (subscription_id, event_id) do nothing",
        SqlParams.of("id", event.id()));
  }
}
