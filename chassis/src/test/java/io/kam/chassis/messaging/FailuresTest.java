package io.kam.chassis.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  private static RuntimeException wrapped(Throwable cause) {
    return new RuntimeException(
        "could not execute statement", new IllegalStateException("wrapper", cause));
  }

  @Test
  void databaseOutagesTimeoutsAndConflictsAreTransientBySqlState() {
    for (String state :
        new String[] {"08001", "08006", "57P01", "57014", "53300", "40001", "40P01", "55P03"}) {
      assertTrue(
          Failures.isTransient(wrapped(new SQLException("whatever the text", state))), state);
    }
    assertTrue(Failures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!"))));
    assertTrue(Failures.isTransient(wrapped(new ConnectException("refused"))));
  }

  @Test
  void ruleAndDataErrorsArePermanentWhateverTheirText() {
    assertFalse(
        Failures.isTransient(wrapped(new SQLException("connection timeout deadlock", "23505"))));
    assertFalse(Failures.isTransient(new IllegalArgumentException("database unreachable")));
    assertFalse(Failures.isTransient(new PermanentEventFailure("schema: ...")));
  }

  @Test
  void reasonsNameNoSqlAndNoClass() {
    String sql =
        Failures.reasonOf(
            wrapped(
                new SQLException(
                    "ERROR: duplicate key value violates unique constraint; insert into plan (id) values (1)",
                    "23505")));
    assertEquals("the database rejected the change (SQLState 23505)", sql);
    assertEquals(
        "the handler could not apply the event",
        Failures.reasonOf(
            new IllegalStateException("class io.kam.x.Foo cannot be cast to io.kam.x.Bar")));
    assertEquals(
        "the handler could not apply the event", Failures.reasonOf(new NullPointerException("x")));
    assertEquals(
        "the handler rejected the event: score is not a number",
        Failures.reasonOf(new IllegalArgumentException("score is not a number")));
  }
}
