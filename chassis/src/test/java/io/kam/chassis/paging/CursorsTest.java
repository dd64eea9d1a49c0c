package io.kam.chassis.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kam.chassis.problem.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CursorsTest {

  private final Cursors cursors = new Cursors("test-secret");
  private final String accounts =
      Cursors.scope("GET /api/v1/accounts", "ownerId", "kam-anna", "sort", "name");

  @Test
  void aCursorReadsBackInTheListThatIssuedIt() {
    String cursor = cursors.encode(accounts, Map.of("id", "42"));
    assertEquals(
        Map.of("id", "42"),
        cursors.decode(
            Cursors.scope("GET /api/v1/accounts", "sort", "name", "ownerId", "kam-anna"), cursor));
  }

  @Test
  void anAbsentAndABlankFilterAreTheSameList() {
    assertEquals(Cursors.scope("GET /x", "q", null), Cursors.scope("GET /x", "q", " "));
  }

  @Test
  void aCursorOfAnotherListIs400() {
    String cursor = cursors.encode(accounts, Map.of("id", "42"));
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                cursors.decode(
                    Cursors.scope("GET /api/v1/scores", "ownerId", "kam-anna", "sort", "name"),
                    cursor));
    assertEquals(400, e.status());
  }

  @Test
  void aCursorReplayedWithOtherFiltersOrSortIs400() {
    String cursor = cursors.encode(accounts, Map.of("id", "42"));
    assertEquals(
        400,
        assertThrows(
                ProblemException.class,
                () ->
                    cursors.decode(
                        Cursors.scope("GET /api/v1/accounts", "ownerId", "kam-ben", "sort", "name"),
                        cursor))
            .status());
    assertEquals(
        400,
        assertThrows(
                ProblemException.class,
                () ->
                    cursors.decode(
                        Cursors.scope(
                            "GET /api/v1/accounts", "ownerId", "kam-anna", "sort", "-name"),
                        cursor))
            .status());
    assertEquals(
        400,
        assertThrows(
                ProblemException.class,
                () ->
                    cursors.decode(
                        Cursors.scope(
                            "GET /api/v1/accounts",
                            "ownerId",
                            "kam-anna",
                            "sort",
                            "name",
                            "country",
                            "DE"),
                        cursor))
            .status());
  }

  @Test
  void aCursorSignedWithAnotherSecretIs400() {
    String cursor = new Cursors("other-secret").encode(accounts, Map.of("id", "42"));
    assertThrows(ProblemException.class, () -> cursors.decode(accounts, cursor));
  }
}
