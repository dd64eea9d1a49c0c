package io.kam.chassis.messaging;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.chassis.time.KamClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /** One event of a batch for {@link #addAll}: its type, subject (an account id) and data. */
  public record Pending(String type, String subject, Object data) {}

  /**
   * Adds one event about {@code subject} (an account id) to the outbox. Must run inside the
   * transaction of the change it describes. Returns the event as it will be published.
   */
  public CloudEvent add(String topic, String type, String subject, Object data) {
    return addAll(topic, List.of(new Pending(type, subject, data))).get(0);
  }

  /**
   * Adds many events of one topic in two statements whatever their number: the sequences of all
   * their subjects, then all outbox rows. Events of one subject get consecutive sequences in list
   * order, and the relay publishes them in that order. Must run inside the transaction of the
   * changes they describe. Returns the events as they will be published, in list order.
   */
  public List<CloudEvent> addAll(String topic, List<Pending> events) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("events are added inside the transaction of their change");
    }
    if (events.isEmpty()) {
      return List.of();
    }
    String traceparent = Traceparent.current();
    Instant now = clock.now();
    Map<String, Long> next = firstSequences(events);
    List<CloudEvent> out = new ArrayList<>(events.size());
    List<String> ids = new ArrayList<>(events.size());
    List<String> keys = new ArrayList<>(events.size());
    List<String> types = new ArrayList<>(events.size());
    List<String> sequences = new ArrayList<>(events.size());
    List<String> payloads = new ArrayList<>(events.size());
    for (Pending p : events) {
      long sequence = next.merge(p.subject(), 1L, Long::sum) - 1;
      CloudEvent event =
          new CloudEvent(
              "1.0",
              UUID.randomUUID().toString(),
              p.type(),
              source,
              p.subject(),
              now,
              sequence,
              "application/json",
              traceparent,
              EventJson.MAPPER.valueToTree(p.data()));
      out.add(event);
      ids.add(event.id());
      keys.add(p.subject());
      types.add(p.type());
      sequences.add(Long.toString(sequence));
      payloads.add(EventJson.write(event));
    }
    // Ordered by ordinality: the positions (bigserial) follow list order, and the relay publishes
    // by position. created_at is the wall clock of the insert, not the transaction's start: the
    // outbox is written last in a change's transaction, so it is the closest to the commit the
    // event hop (kam_event_hop_seconds) can start from.
    jdbc.update(
        "insert into kam_chassis.outbox (event_id, topic, event_key, event_type, sequence, payload,"
            + " traceparent, created_at) select e.id::uuid, :topic, e.key, e.type, e.seq::bigint,"
            + " e.payload, :traceparent, clock_timestamp() from unnest(:ids::text[], :keys::text[], :types::text[],"
            + " :sequences::text[], :payloads::text[]) with ordinality"
            + " as e(id, key, type, seq, payload, ord) order by e.ord",
        SqlParams.of("topic", topic, "traceparent", traceparent)
            .array("ids", "text", ids)
            .array("keys", "text", keys)
            .array("types", "text", types)
            .array("sequences", "text", sequences)
            .array("payloads", "text", payloads));
    wakeRelayAfterCommit();
    return out;
  }

  /**
   * The first new sequence of every subject of the batch, each subject advanced by its number of
   * events in one statement (an upsert touches a row once per statement, hence one row per
   * subject). Strictly increasing per subject; the row locks, taken in subject order so two batches
   * never deadlock, also order concurrent writers by commit.
   */
  private Map<String, Long> firstSequences(List<Pending> events) {
    Map<String, Long> counts = new TreeMap<>();
    for (Pending p : events) {
      if (p.subject() == null) {
        throw new IllegalArgumentException("an event needs a subject");
      }
      counts.merge(p.subject(), 1L, Long::sum);
    }
    List<String> subjects = new ArrayList<>(counts.keySet());
    List<String> numbers = counts.values().stream().map(String::valueOf).toList();
    Map<String, Long> first = new HashMap<>();
    jdbc.list(
        "insert into kam_chassis.event_sequence (subject, last_sequence)"
            + " select s.subject, s.n::bigint from unnest(:subjects::text[], :counts::text[])"
            + " as s(subject, n) order by s.subject"
            + " on conflict (subject) do update"
            + " set last_sequence = event_sequence.last_sequence + excluded.last_sequence"
            + " returning subject, last_sequence",
        SqlParams.none().array("subjects", "text", subjects).array("counts", "text", numbers),
        r -> {
          String subject = r.string("subject");
          first.put(subject, r.longValue("last_sequence") - counts.get(subject) + 1);
          return subject;
        });
    return first;
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
