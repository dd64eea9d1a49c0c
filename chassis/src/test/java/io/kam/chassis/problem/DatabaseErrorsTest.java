package io.kam.chassis.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

  private static RuntimeException failing(String state) {
    return new RuntimeException(
        "wrapper",
        new DatabaseFailure(
            new SQLException(
                "ERROR: duplicate key value violates unique constraint \"widget_pkey\"; insert into widget",
                state)));
  }

  private static ProblemException problem(String state) {
    return DatabaseErrors.problemOf(failing(state)).orElseThrow();
  }

  @Test
  void integrityViolationsAreConflictsToReadAgain() {
    for (String state : new String[] {"23505", "23503", "23P01", "23514"}) {
      assertEquals(409, problem(state).status(), state);
      assertFalse(DatabaseErrors.isTransient(failing(state)), state);
    }
  }

  @Test
  void lostRacesAreTransientConflicts() {
    for (String state : new String[] {"40001", "40P01", "55P03"}) {
      assertEquals(409, problem(state).status(), state);
      assertTrue(DatabaseErrors.isTransient(failing(state)), state);
    }
  }

  @Test
  void anUnreachableDatabaseIsA503ToRetryLater() {
    for (String state : new String[] {"08006", "57P01", "57014", "53300", "25006"}) {
      ProblemException p = problem(state);
      assertEquals(503, p.status(), state);
      assertEquals(Map.of("Retry-After", "1"), p.headers());
      assertTrue(DatabaseErrors.isTransient(failing(state)), state);
    }
    RuntimeException poolTimeout =
        new RuntimeException(new SQLException("Sorry, acquisition timeout!"));
    assertEquals(503, DatabaseErrors.problemOf(poolTimeout).orElseThrow().status());
  }

  @Test
  void otherErrorsHaveNoProblemOfTheirOwn() {
    assertTrue(DatabaseErrors.problemOf(failing("42P01")).isEmpty());
    assertTrue(DatabaseErrors.problemOf(new IllegalStateException("no database here")).isEmpty());
    assertFalse(DatabaseErrors.isTransient(failing("42601")));
  }

  @Test
  void problemsNameNoSqlConstraintOrClass() {
    for (String state : new String[] {"23505", "23503", "40001", "08006"}) {
      String detail = problem(state).getMessage();
      assertFalse(
          detail.contains("widget")
              || detail.contains("insert")
              || detail.contains("SQL")
              || detail.contains("Exception")
              || detail.contains(state),
          detail);
    }
  }
}
