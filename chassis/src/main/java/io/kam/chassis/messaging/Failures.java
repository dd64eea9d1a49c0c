package io.kam.chassis.messaging;

import io.kam.chassis.problem.DatabaseErrors;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells a failure that will pass (the database is unreachable, a lock or statement timed out, a
 * serialization failure or deadlock) from one that will not, by SQLState (read by {@link
 * DatabaseErrors}) and exception type, never by message text; and turns a failure into a reason an
 * admin can read that names no SQL or class.
 */
final class Failures {

  private static final Pattern LOOKS_INTERNAL =
      Pattern.compile(
          "(?i)(\\b(select|insert|update|delete)\\b.*\\b(from|into|set|where)\\b)"
              + "|([a-z_$][\\w$]*\\.){2,}[A-Z][\\w$]*|Exception|\\bSQL\\b");

  private Failures() {}

  /** Whether retrying later may succeed: true for database outages, timeouts and conflicts. */
  static boolean isTransient(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof PermanentEventFailure) {
        return false;
      }
    }
    if (DatabaseErrors.isTransient(failure)) {
      return true;
    }
    for (Throwable t : chain(failure)) {
      if (t instanceof SocketException || t instanceof SocketTimeoutException) {
        return true;
      }
      String type = t.getClass().getSimpleName();
      if (type.equals("LockTimeoutException")
          || type.equals("PessimisticLockException")
          || type.equals("QueryTimeoutException")
          || type.equals("JDBCConnectionException")
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
    if ((root instanceof IllegalArgumentException
            || root instanceof IllegalStateException
            || root instanceof java.time.DateTimeException
            || root instanceof ArithmeticException)
        && msg != null
        && !LOOKS_INTERNAL.matcher(msg).find()) {
      return "the handler rejected the event: "
          + (msg.length() > 300 ? msg.substring(0, 300) : msg);
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
