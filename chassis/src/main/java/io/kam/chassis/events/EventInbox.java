package io.kam.chassis.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The idempotent consumer: in one transaction it records the event id, checks the event is newer
 * than the last one applied for its producer and subject, applies it, and replays what was
 * parked for that subject. A redelivered id or a stale sequence changes nothing.
 */
@Singleton
public class EventInbox {

  private final AgroalDataSource dataSource;
  private final EventHandlers handlers;
  private final String consumer;

  public EventInbox(
      AgroalDataSource dataSource,
      EventHandlers handlers,
      @ConfigProperty(name = "kam.service.name") String consumer) {
    this.dataSource = dataSource;
    this.handlers = handlers;
    this.consumer = consumer;
  }

  public String consumer() {
    return consumer;
  }

  /** Applies an event of {@code topic} with that topic's handler, exactly once. */
  public InboxOutcome apply(String topic, CloudEvent event) {
    EventHandler handler = handlers.forTopic(topic);
    return QuarkusTransaction.requiringNew().call(() -> applyInTransaction(topic, event, handler));
  }

  private InboxOutcome applyInTransaction(String topic, CloudEvent event, EventHandler handler) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      lockSubject(c, event.subject());
      if (!markProcessed(c, event.id())) {
        return InboxOutcome.DUPLICATE;
      }
      InboxOutcome outcome = applyInOrder(c, event, handler);
      if (outcome == InboxOutcome.PARKED) {
        park(c, topic, event);
      } else if (outcome == InboxOutcome.APPLIED) {
        replayParked(c, event.subject());
      }
      return outcome;
    }
  }

  private InboxOutcome applyInOrder(Connection c, CloudEvent event, EventHandler handler) throws SQLException {
    Long last = lastSequence(c, event.source(), event.subject());
    if (last != null && event.sequence() <= last) {
      return InboxOutcome.STALE;
    }
    try {
      handler.apply(event);
    } catch (SubjectNotKnownYet e) {
      return InboxOutcome.PARKED;
    }
    savePosition(c, event.source(), event.subject(), event.sequence());
    return InboxOutcome.APPLIED;
  }

  private void replayParked(Connection c, String subject) throws SQLException {
    List<long[]> ids = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, payload, topic from kam_chassis.parked_event where consumer = ? and subject = ?"
                + " order by producer, sequence, id for update")) {
      ps.setString(1, consumer);
      ps.setString(2, subject);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(new long[] {rs.getLong(1)});
          payloads.add(rs.getString(2));
          topics.add(rs.getString(3));
        }
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      CloudEvent parked = readParked(payloads.get(i));
      EventHandler handler = handlers.forTopic(topics.get(i));
      InboxOutcome outcome = applyInOrder(c, parked, handler);
      if (outcome == InboxOutcome.PARKED) {
        continue;
      }
      try (PreparedStatement del = c.prepareStatement("delete from kam_chassis.parked_event where id = ?")) {
        del.setLong(1, ids.get(i)[0]);
        del.executeUpdate();
      }
    }
  }

  private static CloudEvent readParked(String payload) {
    try {
      return EventJson.read(payload);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a parked event is unreadable", e);
    }
  }

  /**
   * Events of one subject are applied one at a time across this consumer's channels, so an event
   * parked while the account's creation is being applied is still seen by that creation's replay.
   */
  private void lockSubject(Connection c, String subject) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
      ps.setString(1, consumer + ":" + subject);
      ps.execute();
    }
  }

  private boolean markProcessed(Connection c, String eventId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into kam_chassis.processed_event (consumer, event_id) values (?, ?) on conflict do nothing")) {
      ps.setString(1, consumer);
      ps.setObject(2, UUID.fromString(eventId));
      return ps.executeUpdate() == 1;
    }
  }

  private Long lastSequence(Connection c, String producer, String subject) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select last_sequence from kam_chassis.consumer_position"
                + " where consumer = ? and producer = ? and subject = ? for update")) {
      ps.setString(1, consumer);
      ps.setString(2, producer);
      ps.setString(3, subject);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private void savePosition(Connection c, String producer, String subject, long sequence) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into kam_chassis.consumer_position (consumer, producer, subject, last_sequence)"
                + " values (?, ?, ?, ?) on conflict (consumer, producer, subject)"
                + " do update set last_sequence = excluded.last_sequence")) {
      ps.setString(1, consumer);
      ps.setString(2, producer);
      ps.setString(3, subject);
      ps.setLong(4, sequence);
      ps.executeUpdate();
    }
  }

  private void park(Connection c, String topic, CloudEvent event) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into kam_chassis.parked_event (consumer, subject, producer, sequence, topic, payload)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, consumer);
      ps.setString(2, event.subject());
      ps.setString(3, event.source());
      ps.setLong(4, event.sequence());
      ps.setString(5, topic);
      ps.setString(6, EventJson.write(event));
      ps.executeUpdate();
    }
  }
}
