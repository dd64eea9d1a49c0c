package io.kam.chassis.sql;

import java.sql.SQLException;

/**
 * A statement the database refused or could not run. It keeps the {@link SQLException} as its
 * cause, so event consumers can tell a passing failure from a permanent one and the problem mapper
 * can answer by SQLState ({@link DatabaseErrors}); its message is for logs, never for clients.
 */
public class DatabaseFailure extends RuntimeException {

  public DatabaseFailure(SQLException cause) {
    super("database failure (SQLState " + cause.getSQLState() + ")", cause);
  }

  public SQLException sqlException() {
    return (SQLException) getCause();
  }

  public String sqlState() {
    return sqlException().getSQLState();
  }
}
