package io.kam.chassis.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.chassis.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  private final Cursors cursors = new Cursors("test-secret");
  private final List<Integer> all = IntStream.rangeClosed(1, 7).boxed().toList();

  /** What a repository does: the rows after the position, at most {@code fetch}. */
  private List<Integer> fetch(PageRequest page) {
    int after = page.isFirst() ? 0 : Integer.parseInt(page.after("n"));
    return all.stream().filter(n -> n > after).limit(page.fetchSize()).toList();
  }

  @Test
  void pagesWalkEveryRowOnceAndTheLastPageHasNoCursor() {
    String scope = Cursors.scope("GET /things");
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      PageRequest page = PageRequest.of(cursors, scope, "3", cursor);
      Page<String> p = page.of(fetch(page), n -> Map.of("n", n.toString()), n -> "#" + n);
      assertTrue(p.items().size() <= 3);
      seen.addAll(p.items());
      cursor = p.nextCursor();
      pages++;
    } while (cursor != null);
    assertEquals(List.of("#1", "#2", "#3", "#4", "#5", "#6", "#7"), seen);
    assertEquals(3, pages);
  }

  @Test
  void aFullLastPageEndsWithoutAnEmptyOneAfterIt() {
    PageRequest page = PageRequest.of(cursors, "s", "7", null);
    Page<Integer> p = page.of(fetch(page), n -> Map.of("n", n.toString()));
    assertEquals(7, p.items().size());
    assertNull(p.nextCursor());
    PageRequest smaller = PageRequest.of(cursors, "s", "6", null);
    assertNotNull(smaller.of(fetch(smaller), n -> Map.of("n", n.toString())).nextCursor());
  }

  @Test
  void aBadLimitOrACursorOfAnotherListIsA400() {
    assertEquals(
        400,
        assertThrows(ProblemException.class, () -> PageRequest.of(cursors, "s", "501", null))
            .status());
    String foreign = cursors.encode("other list", Map.of("n", "3"));
    ProblemException e =
        assertThrows(ProblemException.class, () -> PageRequest.of(cursors, "s", "3", foreign));
    assertEquals("cursor", e.errors().get(0).field());
    assertEquals(Limits.DEFAULT, PageRequest.of(cursors, "s", null, null).limit());
  }
}
