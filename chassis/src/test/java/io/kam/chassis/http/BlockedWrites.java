package io.kam.chassis.http;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Holds a table lock in a transaction of the test's own, so a request's write waits in the database
 * until the test lets it go: "a request in the middle of its effect" without any sleep.
 */
final class BlockedWrites implements AutoCloseable {

  private final AgroalDataSource ds;
  private final Connection connection;

  BlockedWrites(AgroalDataSource ds, String table) throws SQLException {
    this.ds = ds;
    this.connection = ds.getConnection();
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute("lock table " + table + " in share row exclusive mode");
    }
  }

  /** Waits until {@code n} sessions wait for a lock (the blocked writes are in flight). */
  void awaitWaiting(int n) {
    await().atMost(Duration.ofSeconds(30)).until(() -> waiting() >= n);
  }

  long waiting() throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.rollback();
    connection.close();
  }
}
