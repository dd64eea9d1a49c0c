package io.kam.chassis.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes outbox rows to Kafka in outbox order, at least once. One instance relays at a time
 * (a transaction-scoped advisory lock), and a batch is marked sent only after Kafka acknowledged
 * all of it, so per-account order holds with any number of instances. A broker outage only
 * delays: rows stay until the broker is back.
 */
@Singleton
public class OutboxRelay {

  private static final long LOCK_ID = 0x4b414d4f5554424fL; // "KAMOUTBO"

  private final AgroalDataSource dataSource;
  private final EventProducer producer;
  private final EventsConfig config;
  private final EventMetrics metrics;
  private final Semaphore wakeups = new Semaphore(0);
  private volatile boolean running;
  private volatile boolean brokerReachable = true;
  private Thread thread;

  public OutboxRelay(
      AgroalDataSource dataSource, EventProducer producer, EventsConfig config, EventMetrics metrics) {
    this.dataSource = dataSource;
    this.producer = producer;
    this.config = config;
    this.metrics = metrics;
  }

  void start(@Observes @Priority(10) StartupEvent event) {
    if (!config.relay().enabled()) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    wake();
    if (thread != null) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Called after a commit that wrote events: publish now instead of at the next poll. */
  public void wake() {
    wakeups.release();
  }

  public boolean brokerReachable() {
    return brokerReachable;
  }

  private void loop() {
    long backoffMs = 200;
    while (running) {
      try {
        int sent = relayOnce();
        brokerReachable = true;
        backoffMs = 200;
        if (sent == 0) {
          wakeups.tryAcquire(config.relay().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeups.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        brokerReachable = !(e instanceof PublishFailed);
        Log.warnf("outbox relay will retry in %d ms: %s", backoffMs, e.getMessage());
        sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5000);
      }
    }
  }

  /**
   * Relays one batch; returns how many rows were published (0: nothing to do or not our turn).
   * Rows Kafka acknowledged are marked sent even when others of the batch failed: the producer
   * may still deliver what it buffered, and resending those would duplicate them.
   */
  public int relayOnce() throws SQLException, InterruptedException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!tryLock(c)) {
          c.rollback();
          return 0;
        }
        List<Long> positions = new ArrayList<>();
        List<Future<?>> acks = new ArrayList<>();
        RuntimeException refused = null;
        try (PreparedStatement ps =
            c.prepareStatement(
                "select position, topic, event_key, event_type, payload, traceparent from kam_chassis.outbox"
                    + " where sent_at is null order by position limit ?")) {
          ps.setInt(1, config.relay().batchSize());
          try (ResultSet rs = ps.executeQuery()) {
            while (refused == null && rs.next()) {
              try {
                acks.add(send(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                positions.add(rs.getLong(1));
              } catch (PublishFailed e) {
                refused = e;
              }
            }
          }
        }
        if (positions.isEmpty()) {
          c.rollback();
          if (refused != null) {
            throw refused;
          }
          return 0;
        }
        producer.producer().flush();
        List<Long> acknowledged = acknowledged(positions, acks);
        markSent(c, acknowledged);
        c.commit();
        if (refused != null) {
          throw refused;
        }
        if (acknowledged.size() < positions.size()) {
          throw new PublishFailed("Kafka did not acknowledge every record", null);
        }
        return acknowledged.size();
      } catch (SQLException | RuntimeException | InterruptedException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static List<Long> acknowledged(List<Long> positions, List<Future<?>> acks) throws InterruptedException {
    List<Long> ok = new ArrayList<>();
    for (int i = 0; i < acks.size(); i++) {
      try {
        acks.get(i).get(30, TimeUnit.SECONDS);
        ok.add(positions.get(i));
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // stays unsent; relayed again on the next round
      }
    }
    return ok;
  }

  private Future<?> send(String topic, String key, String type, String payload, String traceparent) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
    record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
    record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
    if (traceparent != null) {
      record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    }
    try {
      return producer.producer().send(record, (meta, err) -> {
        if (err == null) {
          metrics.published(type);
        }
      });
    } catch (RuntimeException e) {
      throw new PublishFailed("Kafka refused the record: " + e.getMessage(), e);
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
      ps.setLong(1, LOCK_ID);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static void markSent(Connection c, List<Long> positions) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("update kam_chassis.outbox set sent_at = now() where position = any(?)")) {
      Array array = c.createArrayOf("bigint", positions.toArray());
      ps.setArray(1, array);
      ps.executeUpdate();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static final class PublishFailed extends RuntimeException {
    PublishFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
