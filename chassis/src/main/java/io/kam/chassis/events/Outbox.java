package io.kam.chassis.events;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.chassis.time.KamClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes events into the outbox table in the caller's transaction, so an event exists exactly when
 * its change was committed. Never talks to Kafka: {@link OutboxRelay} does, woken on commit.
 */
@ApplicationScoped
public class Outbox {

  private static final String WAKE_KEY = Outbox.class.getName() + ".wake";

  private final Jdbc jdbc;
  private final TransactionSynchronizationRegistry transactions;
  private final OutboxRelay relay;
  private final KamClock clock;
  private final String source;

  public Outbox(
      Jdbc jdbc,
      TransactionSynchronizationRegistry transactions,
      OutboxRelay relay,
      KamClock clock,
      @ConfigProperty(name = "kam.service.name") String service) {
    this.jdbc = jdbc;
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
    long sequence = nextSequence(subject);
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
    jdbc.update(
        "insert into kam_chassis.outbox (event_id, topic, event_key, event_type, sequence, payload,"
            + " traceparent) values (:id, :topic, :key, :type, :sequence, :payload, :traceparent)",
        SqlParams.of(
            "id",
            UUID.fromString(event.id()),
            "topic",
            topic,
            "key",
            subject,
            "type",
            type,
            "sequence",
            sequence,
            "payload",
            EventJson.write(event),
            "traceparent",
            traceparent));
    wakeRelayAfterCommit();
    return event;
  }

  /** Strictly increasing per subject; the row lock also orders concurrent writers by commit. */
  private long nextSequence(String subject) {
    return jdbc.one(
            "insert into kam_chassis.event_sequence (subject, last_sequence) values (:subject, 1)"
                + " on conflict (subject) do update set last_sequence = event_sequence.last_sequence + 1"
                + " returning last_sequence",
            SqlParams.of("subject", subject),
            r -> r.longValue("last_sequence"))
        .orElseThrow();
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
