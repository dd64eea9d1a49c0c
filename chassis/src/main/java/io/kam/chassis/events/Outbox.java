package io.kam.chassis.events;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.time.KamClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes events into the outbox table in the caller's transaction, so an event exists exactly
 * when its change was committed. Never talks to Kafka: {@link OutboxRelay} does, woken on commit.
 */
@ApplicationScoped
public class Outbox {

  private static final String WAKE_KEY = Outbox.class.getName() + ".wake";

  private final AgroalDataSource dataSource;
  private final TransactionSynchronizationRegistry transactions;
  private final OutboxRelay relay;
  private final KamClock clock;
  private final String source;

  public Outbox(
      AgroalDataSource dataSource,
      TransactionSynchronizationRegistry transactions,
      OutboxRelay relay,
      KamClock clock,
      @ConfigProperty(name = "kam.service.name") String service) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.relay = relay;
    this.clock = clock;
    this.source = "/" + service + "-service";
  }

  /**
   * Adds one event about {@code subject} (an account id) to the outbox. Must run inside the
   * transaction of the change it describes. Returns the event as it will be published.
   */
  public CloudEvent add(String topic, String type, String subject, Object data) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("events are added inside the transaction of their change");
    }
    String traceparent = Traceparent.current();
    try (Connection c = dataSource.getConnection()) {
      long sequence = nextSequence(c, subject);
      CloudEvent event =
          new CloudEvent(
              "1.0",
              UUID.randomUUID().toString(),
              type,
              source,
              subject,
              clock.now(),
              sequence,
              "application/json",
              traceparent,
              EventJson.MAPPER.valueToTree(data));
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into kam_chassis.outbox (event_id, topic, event_key, event_type, sequence, payload, traceparent)"
                  + " values (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setObject(1, UUID.fromString(event.id()));
        ps.setString(2, topic);
        ps.setString(3, subject);
        ps.setString(4, type);
        ps.setLong(5, sequence);
        ps.setString(6, EventJson.write(event));
        ps.setString(7, traceparent);
        ps.executeUpdate();
      }
      wakeRelayAfterCommit();
      return event;
    } catch (SQLException e) {
      throw new IllegalStateException("the event could not be stored", e);
    }
  }

  /** Strictly increasing per subject; the row lock also orders concurrent writers by commit. */
  private static long nextSequence(Connection c, String subject) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into kam_chassis.event_sequence (subject, last_sequence) values (?, 1)"
                + " on conflict (subject) do update set last_sequence = event_sequence.last_sequence + 1"
                + " returning last_sequence")) {
      ps.setString(1, subject);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void wakeRelayAfterCommit() {
    if (transactions.getResource(WAKE_KEY) != null) {
      return;
    }
    transactions.putResource(WAKE_KEY, Boolean.TRUE);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              relay.wake();
            }
          }
        });
  }
}
