package io.kam.account.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Small JDBC helpers: text arrays for set-based statements (one round trip for many rows). */
final class Sql {

  private Sql() {}

  /** Column-wise buffer for {@code unnest(?::text[], ...)}: every value travels as text. */
  static final class Columns {
    private final List<List<String>> columns = new ArrayList<>();

    Columns(int count) {
      for (int i = 0; i < count; i++) {
        columns.add(new ArrayList<>());
      }
    }

    void row(Object... values) {
      for (int i = 0; i < values.length; i++) {
        columns.get(i).add(values[i] == null ? null : values[i].toString());
      }
    }

    int size() {
      return columns.get(0).size();
    }

    void bind(Connection c, PreparedStatement ps) throws SQLException {
      for (int i = 0; i < columns.size(); i++) {
        ps.setArray(i + 1, c.createArrayOf("text", columns.get(i).toArray(new String[0])));
      }
    }
  }

  static String unnest(int count) {
    return "unnest(" + String.join(", ", java.util.Collections.nCopies(count, "?::text[]")) + ")";
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  static Timestamp timestamp(Instant i) {
    return Timestamp.from(i);
  }

  /**
   * A failed statement as the client should see it: a lost race (deadlock, serialization
   * failure, lock timeout, a key taken meanwhile) is a 409 to retry, anything else a 500.
   */
  static RuntimeException failure(String what, SQLException e) {
    String state = e.getSQLState();
    if (state != null && (state.startsWith("40") || state.equals("55P03") || state.equals("23505"))) {
      return io.kam.chassis.problem.ProblemException.conflict(
          "the accounts were changed concurrently; read them again and retry");
    }
    return new IllegalStateException(what, e);
  }
}
