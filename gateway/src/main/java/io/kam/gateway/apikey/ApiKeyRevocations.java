package io.kam.gateway.apikey;

import io.kam.chassis.sql.Jdbc;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * LISTENs for revocations on the gateway database, so a key revoked through any instance stops
 * working on this one within milliseconds (the cache is cleared for it), not after a cache TTL.
 */
@Singleton
public class ApiKeyRevocations {

  private final Jdbc jdbc;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean running;
  private volatile boolean listening;
  private Thread thread;

  public ApiKeyRevocations(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Every cache holder registers; each hears of every revocation. */
  void onRevoked(Consumer<String> listener) {
    listeners.add(listener);
  }

  /** Whether revocations are being heard right now; if not, caches must not be trusted. */
  boolean isListening() {
    return listening;
  }

  private void tell(String prefix) {
    for (Consumer<String> l : listeners) {
      l.accept(prefix);
    }
  }

  void start(@Observes StartupEvent event) {
    running = true;
    thread = new Thread(this::listen, "api-key-revocations");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void listen() {
    while (running) {
      try {
        // A connection of its own, held for as long as it hears: LISTEN belongs to a session.
        jdbc.withConnection(this::hear);
      } catch (Exception e) {
        listening = false;
        if (running) {
          Log.warnf(
              "API key revocation listener reconnects: %s",
              (e.getCause() != null ? e.getCause() : e).getMessage());
          try {
            Thread.sleep(1000);
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }
  }

  private Void hear(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("listen " + ApiKeyStore.CHANNEL);
    }
    PGConnection pg = c.unwrap(PGConnection.class);
    listening = true;
    tell("*"); // anything revoked while we were not listening
    while (running) {
      PGNotification[] notes = pg.getNotifications(500);
      if (notes != null) {
        for (PGNotification n : notes) {
          tell(n.getParameter());
        }
      }
    }
    return null;
  }
}
