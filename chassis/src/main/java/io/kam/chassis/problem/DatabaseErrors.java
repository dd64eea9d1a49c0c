package io.kam.chassis.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one reading of database errors, by SQLState and exception type (never message text):
 *
 * <ul>
 *   <li>integrity (class 23: a key taken meanwhile, a reference removed meanwhile): 409, read again
 *       and retry;
 *   <li>a lost race (serialization failure, deadlock, lock not available): 409, retry; transient;
 *   <li>the database out of reach or restarting (classes 08, 53, 57, 58, a read-only standby, the
 *       pool's acquisition timeout): 503 with {@code Retry-After}; transient;
 *   <li>anything else: no problem of its own (the caller's mapper answers 500 and logs it).
 * </ul>
 *
 * A problem's detail names neither SQL, a constraint, nor a class.
 */
public final class DatabaseErrors {

  /** Connection (08), insufficient resources (53), operator intervention (57), system (58). */
  private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57", "58");

  /** Serialization failure, completion unknown, deadlock, lock not available. */
  private static final Set<String> RACE_STATES = Set.of("40001", "40003", "40P01", "55P03");

  /** A read-only transaction: a failover to a standby. */
  private static final String READ_ONLY = "25006";

  private DatabaseErrors() {}

  /** What a client should see for {@code failure}, when it is a database error with a meaning. */
  public static Optional<ProblemException> problemOf(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof SQLException sql) {
        ProblemException p = problemOf(sql);
        if (p != null) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether retrying later may succeed: an outage, a timeout or a lost race (not a rule broken).
   */
  public static boolean isTransient(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && (isUnavailable(sql) || isRace(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static ProblemException problemOf(SQLException sql) {
    String state = sql.getSQLState();
    if (isUnavailable(sql)) {
      return new ProblemException(
          503,
          "Service unavailable",
          "the service's database is unavailable; retry later",
          null,
          Map.of("Retry-After", "1"));
    }
    if (state == null || state.length() != 5) {
      return null;
    }
    if (isRace(state)) {
      return ProblemException.conflict("a concurrent request changed the same data; retry");
    }
    return switch (state) {
      case "23505", "23P01" ->
          ProblemException.conflict(
              "the change conflicts with data stored meanwhile; read it again and retry");
      case "23503" ->
          ProblemException.conflict(
              "the change refers to data that was removed meanwhile, or removes data still referred to; read it again and retry");
      default ->
          state.startsWith("23")
              ? ProblemException.conflict(
                  "the change conflicts with stored data; read it again and retry")
              : null;
    };
  }

  private static boolean isRace(String state) {
    return state != null && RACE_STATES.contains(state);
  }

  private static boolean isUnavailable(SQLException sql) {
    String state = sql.getSQLState();
    if (state == null) {
      // The connection pool's own failures (acquisition timeout) carry no state.
      return sql.getClass() == SQLException.class;
    }
    return state.equals(READ_ONLY)
        || (state.length() == 5 && UNAVAILABLE_CLASSES.contains(state.substring(0, 2)));
  }

  private static Iterable<Throwable> chain(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    java.util.List<Throwable> out = new java.util.ArrayList<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      out.add(t);
      for (Throwable s : t.getSuppressed()) {
        if (seen.put(s, true) == null) {
          out.add(s);
        }
      }
    }
    return out;
  }
}
