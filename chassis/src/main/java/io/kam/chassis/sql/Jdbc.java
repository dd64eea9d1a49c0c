package io.kam.chassis.sql;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.problem.DatabaseFailure;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one way services and the chassis run set-based SQL: {@code :name} parameters, row mappers,
 * batches. Every call takes the datasource's connection, which inside a JTA transaction is the one
 * enlisted in it, so the statements commit or roll back with the caller's other work. A failed
 * statement surfaces as a {@link DatabaseFailure} keeping its SQLState; {@link
 * io.kam.chassis.problem.DatabaseErrors} decides what a client sees.
 *
 * <p>Values bind by type: {@code null}, {@link Instant} (as a timestamp), {@link LocalDate}, {@link
 * YearMonth} (its first day), enums (their name), {@link SqlParams#array arrays}, and whatever the
 * driver takes (UUID, String, BigDecimal, numbers, booleans).
 */
@Singleton
public class Jdbc {

  private final AgroalDataSource dataSource;

  public Jdbc(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Work on the caller's connection, for what the helpers below do not cover. */
  @FunctionalInterface
  public interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Binds one item of a batch. */
  @FunctionalInterface
  public interface Binder<T> {
    void bind(T item, SqlParams params);
  }

  public <T> T withConnection(ConnectionWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new DatabaseFailure(e);
    }
  }

  public <T> List<T> list(String sql, SqlParams params, RowMapper<T> mapper) {
    NamedStatement st = NamedStatement.of(sql);
    return withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(st.jdbc)) {
            bindAll(c, ps, st, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              Row row = new Row(rs);
              while (rs.next()) {
                out.add(mapper.map(row));
              }
            }
            return out;
          }
        });
  }

  /** The first row, if any. */
  public <T> Optional<T> one(String sql, SqlParams params, RowMapper<T> mapper) {
    NamedStatement st = NamedStatement.of(sql);
    return withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(st.jdbc)) {
            bindAll(c, ps, st, params);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.ofNullable(mapper.map(new Row(rs))) : Optional.empty();
            }
          }
        });
  }

  /** An insert, update or delete: the number of rows it touched. */
  public int update(String sql, SqlParams params) {
    NamedStatement st = NamedStatement.of(sql);
    return withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(st.jdbc)) {
            bindAll(c, ps, st, params);
            return ps.executeUpdate();
          }
        });
  }

  /** Any statement whose result is not needed (a lock function, DDL in tests). */
  public void execute(String sql, SqlParams params) {
    NamedStatement st = NamedStatement.of(sql);
    withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(st.jdbc)) {
            bindAll(c, ps, st, params);
            ps.execute();
            return null;
          }
        });
  }

  /** One statement run for every item in one JDBC batch; nothing is sent for no items. */
  public <T> void batch(String sql, Collection<T> items, Binder<? super T> binder) {
    if (items.isEmpty()) {
      return;
    }
    NamedStatement st = NamedStatement.of(sql);
    withConnection(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(st.jdbc)) {
            SqlParams params = SqlParams.none();
            for (T item : items) {
              params.clear();
              binder.bind(item, params);
              bindAll(c, ps, st, params);
              ps.addBatch();
            }
            ps.executeBatch();
            return null;
          }
        });
  }

  private static void bindAll(
      Connection c, PreparedStatement ps, NamedStatement st, SqlParams params) throws SQLException {
    for (int i = 0; i < st.names.size(); i++) {
      String name = st.names.get(i);
      if (!params.has(name)) {
        throw new IllegalArgumentException("no value for :" + name);
      }
      bind(c, ps, i + 1, params.get(name));
    }
  }

  static void bind(Connection c, PreparedStatement ps, int index, Object value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.OTHER);
    } else if (value instanceof Instant at) {
      ps.setTimestamp(index, Timestamp.from(at));
    } else if (value instanceof LocalDate date) {
      ps.setDate(index, Date.valueOf(date));
    } else if (value instanceof YearMonth month) {
      ps.setDate(index, Date.valueOf(month.atDay(1)));
    } else if (value instanceof Enum<?> e) {
      ps.setString(index, e.name());
    } else if (value instanceof SqlParams.SqlArray array) {
      ps.setArray(index, c.createArrayOf(array.type(), array.items()));
    } else if (value instanceof Collection<?>) {
      throw new IllegalArgumentException(
          "bind a collection with SqlParams.array(name, type, items)");
    } else {
      ps.setObject(index, value);
    }
  }
}
