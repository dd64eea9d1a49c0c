package io.kam.chassis.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
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
 * The idempotent consumer. In one transaction it records the event id, checks the event's
 * sequence against the last one applied for its producer and subject, and applies it. A
 * redelivered id changes nothing; a stale STATE is skipped; a FACT is applied whatever came after
 * it; a sequence jumping further than the configured bound is refused (dead-lettered) so that it
 * cannot freeze the subject. Events about an unknown subject are parked; once one of the subject
 * is applied, each parked event is replayed in a transaction of its own, so a failing one is
 * dead-lettered alone.
 */
@Singleton
public class EventInbox {

  /** Where an event came from; partition and offset are -1 when not from Kafka (a replay). */
  public record Origin(String topic, int partition, long offset) {}

  private final AgroalDataSource dataSource;
  private final EventHandlers handlers;
  private final DeadLetters deadLetters;
  private final EventMetrics metrics;
  private final EventsConfig config;
  private final String consumer;

  public EventInbox(
      AgroalDataSource dataSource,
      EventHandlers handlers,
      DeadLetters deadLetters,
      EventMetrics metrics,
      EventsConfig config,
      @ConfigProperty(name = "kam.service.name") String consumer) {
    this.dataSource = dataSource;
    this.handlers = handlers;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.config = config;
    this.consumer = consumer;
  }

  public String consumer() {
    return consumer;
  }

  /** Applies an event of {@code topic} that did not come from Kafka (an admin's replay). */
  public InboxOutcome apply(String topic, CloudEvent event) {
    return apply(new Origin(topic, -1, -1), event);
  }

  /**
   * Applies an event with its topic's handler, exactly once in effect. Throws {@link
   * PermanentEventFailure} when it can never be applied, other exceptions when it failed now.
   */
  public InboxOutcome apply(Origin origin, CloudEvent event) {
    EventHandler handler = handlers.forTopic(origin.topic());
    EventKind kind = handlers.kindOf(origin.topic(), event.type());
    EventSchemas.validate(event);
    boolean[] gap = new boolean[1];
    InboxOutcome outcome = QuarkusTransaction.requiringNew().call(() -> {
      gap[0] = false;
      try (Connection c = dataSource.getConnection()) {
        lockSubject(c, event.subject());
        if (!markProcessed(c, event.id())) {
          return InboxOutcome.DUPLICATE;
        }
        InboxOutcome o = applyInOrder(c, origin.topic(), event, handler, kind, gap);
        if (o == InboxOutcome.PARKED) {
          park(c, origin, event);
        }
        return o;
      }
    });
    if (gap[0]) {
      metrics.sequenceGap(origin.topic());
    }
    if (outcome == InboxOutcome.APPLIED) {
      replayParked(event.subject());
    }
    return outcome;
  }

  private InboxOutcome applyInOrder(
      Connection c, String topic, CloudEvent event, EventHandler handler, EventKind kind, boolean[] gap)
      throws SQLException {
    long seq = event.sequence();
    if (seq < 1) {
      throw new PermanentEventFailure("sequence " + seq + " is not a positive number");
    }
    Long last = lastSequence(c, event.source(), event.subject());
    boolean newer = last == null || seq > last;
    if (!newer && kind == EventKind.STATE) {
      return InboxOutcome.STALE;
    }
    long base = last == null ? 0 : last;
    if (newer && seq - base > config.consumer().maxSequenceJump()) {
      metrics.sequenceJump(topic);
      throw new PermanentEventFailure("suspicious sequence: " + seq + " jumps more than "
          + config.consumer().maxSequenceJump() + " past the last applied " + base + " of this subject");
    }
    try {
      handler.apply(event);
    } catch (SubjectNotKnownYet e) {
      return InboxOutcome.PARKED;
    }
    if (newer) {
      gap[0] = seq > base + 1;
      savePosition(c, event.source(), event.subject(), seq);
    }
    return InboxOutcome.APPLIED;
  }

  /** Replays what is parked for {@code subject}, each event on its own; returns how many left the park. */
  int replayParked(String subject) {
    List<Long> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id from kam_chassis.parked_event where consumer = ? and subject = ?"
                    + " order by producer, sequence, id")) {
      ps.setString(1, consumer);
      ps.setString(2, subject);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      Log.warnf("parked events of %s are retried later: %s", subject, e.getMessage());
      return 0;
    }
    int done = 0;
    for (long id : ids) {
      if (replayOne(id, subject)) {
        done++;
      }
    }
    return done;
  }

  private record Parked(CloudEvent event, DeadLetters.Letter origin) {}

  /** One parked event in a transaction of its own: applied, still parked, or dead-lettered alone. */
  private boolean replayOne(long id, String subject) {
    Parked[] seen = new Parked[1];
    boolean[] gap = new boolean[1];
    try {
      boolean left = QuarkusTransaction.requiringNew().call(() -> {
        try (Connection c = dataSource.getConnection()) {
          lockSubject(c, subject);
          seen[0] = lockParked(c, id);
          if (seen[0] == null) {
            return false; // replayed by another thread or instance meanwhile
          }
          CloudEvent event = seen[0].event();
          if (event == null) {
            throw new PermanentEventFailure("malformed: a parked event is not a complete CloudEvent");
          }
          String topic = seen[0].origin().topic();
          EventHandler handler = handlers.forTopic(topic);
          InboxOutcome o = applyInOrder(c, topic, event, handler, handlers.kindOf(topic, event.type()), gap);
          if (o == InboxOutcome.PARKED) {
            return false;
          }
          deleteParked(c, id);
          return true;
        }
      });
      if (gap[0]) {
        metrics.sequenceGap(seen[0].origin().topic());
      }
      return left;
    } catch (RuntimeException e) {
      if (seen[0] == null || Failures.isTransient(e)) {
        Log.warnf("parked event %d is retried later: %s", id, e.getMessage());
        return false;
      }
      deadLetter(id, seen[0].origin(), Failures.reasonOf(e));
      return true;
    }
  }

  /** Moves a parked event to the dead letters in one transaction, then publishes it. */
  void deadLetter(long parkedId, DeadLetters.Letter letter, String reason) {
    DeadLetters.Letter withReason = new DeadLetters.Letter(letter.topic(), letter.partition(), letter.offset(),
        letter.key(), letter.payload(), reason);
    boolean moved = QuarkusTransaction.requiringNew().call(() -> {
      try (Connection c = dataSource.getConnection()) {
        if (!deleteParked(c, parkedId)) {
          return false;
        }
        deadLetters.store(c, withReason);
        return true;
      }
    });
    if (moved) {
      deadLetters.publish(withReason);
    }
  }

  /** The parked row, locked, or null when it is gone or locked by another replay. */
  private Parked lockParked(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select payload, topic, kafka_partition, kafka_offset, subject from kam_chassis.parked_event"
                + " where id = ? for update skip locked")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? parked(rs) : null;
      }
    }
  }

  private static Parked parked(ResultSet rs) throws SQLException {
    String payload = rs.getString(1);
    int partition = rs.getObject(3) == null ? -1 : rs.getInt(3);
    long offset = rs.getObject(4) == null ? -1 : rs.getLong(4);
    CloudEvent event;
    try {
      event = EventJson.read(payload);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      event = null;
    }
    return new Parked(event == null || !event.isComplete() ? null : event,
        new DeadLetters.Letter(rs.getString(2), partition, offset, rs.getString(5), payload, ""));
  }

  private boolean deleteParked(Connection c, long id) throws SQLException {
    try (PreparedStatement del = c.prepareStatement("delete from kam_chassis.parked_event where id = ?")) {
      del.setLong(1, id);
      return del.executeUpdate() == 1;
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
    UUID id;
    try {
      id = UUID.fromString(eventId);
    } catch (IllegalArgumentException e) {
      throw new PermanentEventFailure("malformed: the event id is not a UUID");
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into kam_chassis.processed_event (consumer, event_id) values (?, ?) on conflict do nothing")) {
      ps.setString(1, consumer);
      ps.setObject(2, id);
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
                + " do update set last_sequence = greatest(consumer_position.last_sequence, excluded.last_sequence)")) {
      ps.setString(1, consumer);
      ps.setString(2, producer);
      ps.setString(3, subject);
      ps.setLong(4, sequence);
      ps.executeUpdate();
    }
  }

  private void park(Connection c, Origin origin, CloudEvent event) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into kam_chassis.parked_event (consumer, subject, producer, sequence, topic, payload,"
                + " kafka_partition, kafka_offset) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, consumer);
      ps.setString(2, event.subject());
      ps.setString(3, event.source());
      ps.setLong(4, event.sequence());
      ps.setString(5, origin.topic());
      ps.setString(6, EventJson.write(event));
      if (origin.partition() < 0) {
        ps.setNull(7, java.sql.Types.INTEGER);
        ps.setNull(8, java.sql.Types.BIGINT);
      } else {
        ps.setInt(7, origin.partition());
        ps.setLong(8, origin.offset());
      }
      ps.executeUpdate();
    }
  }
}
