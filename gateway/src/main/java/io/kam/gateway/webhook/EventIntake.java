package io.kam.gateway.webhook;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes the events of one poll of the services' topics: keeps them (for replays) and writes one
 * delivery per matching enabled subscription, in one transaction that commits before the records'
 * offsets are acknowledged, in three statements whatever the batch's size (one commit per event was
 * most of the gateway's database work during a bulk sync). A redelivered event changes nothing (the
 * event id and (subscription, event id) are unique).
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
    return takeAll(List.of(event));
  }

  /**
   * The events in record order; the number of deliveries written. Matches exactly as if each were
   * taken in a transaction of its own: an event's owner filter sees the owner its subject's latest
   * account event up to and including it said, in this batch or before it.
   */
  @Transactional
  public int takeAll(List<Incoming> events) {
    Map<String, Incoming> unique = new LinkedHashMap<>(); // a redelivered copy: the first counts
    events.forEach(e -> unique.putIfAbsent(e.id(), e));
    if (unique.isEmpty()) {
      return 0;
    }
    List<String> ids = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<String> subjects = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    // Per event, the owner an account event of this batch up to it named (null: as stored).
    List<String> owners = new ArrayList<>();
    Map<String, String> ownerNow = new LinkedHashMap<>();
    for (Incoming e : unique.values()) {
      if (e.accountEvent() && e.ownerId() != null) {
        ownerNow.put(e.subject(), e.ownerId());
      }
      ids.add(e.id());
      types.add(e.type());
      subjects.add(e.subject());
      bodies.add(e.body());
      owners.add(ownerNow.get(e.subject()));
    }
    // Positions (bigserial) follow record order, and deliveries go out by position.
    jdbc.update(
        "insert into webhook_event (id, type, subject, body, received_at)"
            + " select b.id, b.type, b.subject, b.body, now() from unnest(:ids::text[],"
            + " :types::text[], :subjects::text[], :bodies::text[]) with ordinality"
            + " as b(id, type, subject, body, ord) order by b.ord on conflict (id) do nothing",
        SqlParams.none()
            .array("ids", "text", ids)
            .array("types", "text", types)
            .array("subjects", "text", subjects)
            .array("bodies", "text", bodies));
    // Before the owners are stored: an event with no owner of this batch in force sees the stored
    // one, as it was before the batch.
    int deliveries =
        jdbc.update(
            "insert into webhook_delivery (id, subscription_id, event_id, event_position, subject,"
                + " status, attempts, next_attempt_at, created_at)"
                + " select gen_random_uuid(), s.id, e.id, e.position, e.subject, 'PENDING', 0,"
                + " now(), now() from unnest(:ids::text[], :owners::text[]) with ordinality"
                + " as b(id, owner, ord) join webhook_event e on e.id = b.id"
                + " join webhook_subscription s on "
                + Matching.condition(
                    "coalesce(b.owner, (select o.owner_id from webhook_account_owner o"
                        + " where o.account_id = e.subject))")
                + " order by b.ord on conflict (subscription_id, event_id) do nothing",
            SqlParams.none().array("ids", "text", ids).array("owners", "text", owners));
    if (!ownerNow.isEmpty()) {
      jdbc.update(
          "insert into webhook_account_owner (account_id, owner_id)"
              + " select o.subject, o.owner from unnest(:subjects::text[], :owners::text[])"
              + " as o(subject, owner) on conflict (account_id) do update"
              + " set owner_id = excluded.owner_id",
          SqlParams.none()
              .array("subjects", "text", List.copyOf(ownerNow.keySet()))
              .array("owners", "text", List.copyOf(ownerNow.values())));
    }
    return deliveries;
  }
}
