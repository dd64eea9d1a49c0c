package io.kam.chassis.sql;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** The current row of a result, read by column label; a SQL null is a Java null. */
public final class Row {

  private final ResultSet rs;

  Row(ResultSet rs) {
    this.rs = rs;
  }

  /** The underlying result set, for what these getters do not cover. */
  public ResultSet resultSet() {
    return rs;
  }

  public String string(String column) throws SQLException {
    return rs.getString(column);
  }

  public UUID uuid(String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  public BigDecimal decimal(String column) throws SQLException {
    return rs.getBigDecimal(column);
  }

  public Long longValue(String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  public Integer intValue(String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  /** A boolean column; null reads as false. */
  public boolean bool(String column) throws SQLException {
    return rs.getBoolean(column);
  }

  public LocalDate date(String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  /** A date column holding the first day of a month. */
  public YearMonth month(String column) throws SQLException {
    LocalDate d = date(column);
    return d == null ? null : YearMonth.from(d);
  }

  public Instant instant(String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
