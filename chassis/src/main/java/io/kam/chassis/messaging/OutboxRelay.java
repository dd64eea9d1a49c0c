package io.kam.chassis.messaging;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka at least once, in sequence order per subject (account). One
 * instance relays at a time (a transaction-scoped advisory lock) and a row is marked sent only
 * after Kafka acknowledged it and every earlier row of its subject ({@link PublishRound}), so
 * per-account order holds with any number of instances, across broker outages and failed rows. A
 * broker outage only delays. A row Kafka rejects for good is retried a few times, then quarantined
 * ({@link OutboxQuarantine}) with the later rows of its subject held behind it; the other subjects
 * keep flowing.
 */
@Singleton
public class OutboxRelay {

  static final long LOCK_ID = 0x4b414d4f5554424fL; // "KAMOUTBO"

  private final AgroalDataSource dataSource;
  private final EventProducer producer;
  private final EventsConfig config;
  private final EventMetrics metrics;
  private final OutboxQuarantine quarantine;
  private final RelayStatus status;
  private final Tracer tracer;
  private final Semaphore wakeups = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  /** A relay without spans (tests that run a second relay of their own). */
  public OutboxRelay(
      AgroalDataSource dataSource,
      EventProducer producer,
      EventsConfig config,
      EventMetrics metrics,
      OutboxQuarantine quarantine) {
    this(
        dataSource,
        producer,
        config,
        metrics,
        quarantine,
        OpenTelemetry.noop().getTracer("kam-chassis"));
  }

  @Inject
  public OutboxRelay(
      AgroalDataSource dataSource,
      EventProducer producer,
      EventsConfig config,
      EventMetrics metrics,
      OutboxQuarantine quarantine,
      Tracer tracer) {
    this.tracer = tracer;
    this.dataSource = dataSource;
    this.producer = producer;
    this.config = config;
    this.metrics = metrics;
    this.quarantine = quarantine;
    this.status = new RelayStatus(config.relay().reachabilityWindow());
  }

  void start(@Observes @Priority(10) StartupEvent event) {
    if (!config.relay().enabled()) {
      status.role(RelayStatus.Role.DISABLED);
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

  /** This instance's view: "reachable", "unreachable" or "unknown" (see {@link RelayStatus}). */
  public String kafka() {
    return status.kafka();
  }

  /** "publishing", "standby" (another instance holds the lock) or "disabled". */
  public String role() {
    return status.role().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** When Kafka last acknowledged an event from this instance; null if never. */
  public Instant lastAcknowledged() {
    return status.lastAcknowledged();
  }

  private void loop() {
    long backoffMs = 200;
    while (running) {
      try {
        int sent = relayOnce();
        backoffMs = 200;
        if (sent == 0) {
          wakeups.tryAcquire(config.relay().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeups.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        Log.warnf("outbox relay will retry in %d ms: %s", backoffMs, e.getMessage());
        sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5000);
      }
    }
  }

  /**
   * Relays one round; returns how many rows were published (0: nothing to do, or another instance's
   * turn). Throws {@link PublishFailed} after committing what was acknowledged when the broker
   * failed the round, so the caller backs off.
   */
  public int relayOnce() throws SQLException, InterruptedException {
    PublishRound.Result result;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!tryLock(c)) {
          c.rollback();
          status.role(RelayStatus.Role.STANDBY);
          return 0;
        }
        status.role(RelayStatus.Role.PUBLISHING);
        result =
            new PublishRound(c, producer.producer(), metrics, config.relay().batchSize(), tracer)
                .run();
        for (PublishRound.Rejection r : result.rejections()) {
          boolean quarantined =
              quarantine.rejected(
                  c,
                  r.row().position(),
                  r.row().topic(),
                  r.failure().reason(),
                  config.relay().maxAttempts(),
                  config.relay().retryBackoff());
          Log.warnf(
              "outbox row %d (%s, subject %s) %s: %s",
              r.row().position(),
              r.row().type(),
              r.row().key(),
              quarantined
                  ? "quarantined, later rows of its subject wait behind it"
                  : "rejected, will retry",
              r.failure().reason());
        }
        c.commit();
      } catch (SQLException | RuntimeException | InterruptedException e) {
        c.rollback();
        throw e;
      }
    }
    if (result.published() > 0) {
      status.acknowledged();
    }
    if (result.trouble() != null) {
      status.trouble();
      throw new PublishFailed(result.trouble().reason());
    }
    return result.published();
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

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static final class PublishFailed extends RuntimeException {
    PublishFailed(String message) {
      super(message);
    }
  }
}
