package io.kam.kpi.domain;

import io.kam.chassis.problem.ProblemException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;

/** Small JDBC conversions shared by the repositories. */
public final class Sql {

  private Sql() {}

  /**
   * A failed statement as the client should see it: a race with a concurrent writer (unique key,
   * deadlock, serialization) is a retryable 409; anything else is internal.
   */
  public static RuntimeException failure(SQLException e) {
    String state = e.getSQLState();
    if ("23505".equals(state) || "40P01".equals(state) || "40001".equals(state)) {
      return ProblemException.conflict("a concurrent request changed the same data; retry");
    }
    return new IllegalStateException("database failure", e);
  }

  public static Date month(YearMonth month) {
    return Date.valueOf(month.atDay(1));
  }

  public static YearMonth month(Date date) {
    return YearMonth.from(date.toLocalDate());
  }

  public static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  /** Money as stored (scale 4): equal amounts compare and hash alike in deltas. */
  public static BigDecimal money(BigDecimal amount) {
    return amount.setScale(4);
  }

  @FunctionalInterface
  public interface Work<T> {
    T run() throws SQLException;
  }

  public static <T> T run(Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw failure(e);
    }
  }
}
