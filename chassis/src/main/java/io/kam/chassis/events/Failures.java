package io.kam.chassis.events;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a failure that will pass (the database is unreachable, a lock or statement timed out, a
 * serialization failure or deadlock) from one that will not, by SQLState and exception type, never
 * by message text; and turns a failure into a reason an admin can read that names no SQL or class.
 */
final class Failures {

  /**
   * SQLState classes that say "try again later", not "this event is wrong": connection exceptions
   * (08), insufficient resources (53), operator intervention such as a restart or a statement
   * timeout (57), system errors (58).
   */
  private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "58");

  /**
   * Single codes: serialization failure, statement completion unknown, deadlock, lock not
   * available (lock timeout), read-only transaction (a failover to a standby).
   */
  private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40003", "40P01", "55P03", "25006");

  private static final Pattern LOOKS_INTERNAL =
      Pattern.compile("(?i)(\\b(select|insert|update|delete)\\b.*\\b(from|into|set|where)\\b)"
          + "|([a-z_$][\\w$]*\\.){2,}[A-Z][\\w$]*|Exception|\\bSQL\\b");

  private Failures() {}

  /** Whether retrying later may succeed: true for database outages, timeouts and conflicts. */
  static boolean isTransient(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof PermanentEventFailure) {
        return false;
      }
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
          || t instanceof SocketException || t instanceof SocketTimeoutException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state == null && sql.getClass() == SQLException.class) {
          return true; // the connection pool's own failures (acquisition timeout) carry no state
        }
        if (state != null && state.length() == 5
            && (TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
          return true;
        }
      }
      String type = t.getClass().getSimpleName();
      if (type.equals("LockTimeoutException") || type.equals("PessimisticLockException")
          || type.equals("QueryTimeoutException") || type.equals("JDBCConnectionException")
          || type.equals("LockAcquisitionException")) {
        return true;
      }
    }
    return false;
  }

  /** A reason for the dead-letter headers and table: the rule or field, never SQL or a class. */
  static String reasonOf(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof PermanentEventFailure) {
        return t.getMessage();
      }
    }
    for (Throwable t : chain(failure)) {
      if (t instanceof SQLException sql) {
        return "the database rejected the change (SQLState " + sql.getSQLState() + ")";
      }
    }
    Throwable root = failure;
    for (Throwable t : chain(failure)) {
      root = t;
    }
    String msg = root.getMessage();
    if ((root instanceof IllegalArgumentException || root instanceof IllegalStateException
            || root instanceof java.time.DateTimeException || root instanceof ArithmeticException)
        && msg != null && !LOOKS_INTERNAL.matcher(msg).find()) {
      return "the handler rejected the event: " + (msg.length() > 300 ? msg.substring(0, 300) : msg);
    }
    return "the handler could not apply the event";
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
