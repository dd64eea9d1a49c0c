package io.kam.demo.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchesTest {

  @ParameterizedTest
  @CsvSource({
    "0,1000,0",
    "1,1000,1",
    "999,1000,1",
    "1000,1000,1",
    "1001,1000,2",
    "2003,1000,3",
    "5000,5000,1",
    "5001,5000,2",
    "13522,5000,3"
  })
  void splitsAtTheLimit(int items, int max, int expectedBatches) {
    List<Integer> all = IntStream.range(0, items).boxed().toList();
    List<List<Integer>> batches = Batches.split(all, max);
    assertEquals(expectedBatches, batches.size());
    batches.forEach(b -> assertEquals(true, b.size() >= 1 && b.size() <= max));
    assertEquals(all, batches.stream().flatMap(List::stream).toList(), "every item once, in order");
    for (int i = 0; i < batches.size() - 1; i++) {
      assertEquals(max, batches.get(i).size(), "only the last batch is short");
    }
  }

  @Test
  void theLimitsAreTheApis() {
    assertEquals(1000, Batches.ACCOUNTS);
    assertEquals(5000, Batches.KPI_ITEMS);
  }

  @Test
  void aBatchHoldsAtLeastOneItem() {
    assertThrows(IllegalArgumentException.class, () -> Batches.split(List.of(1), 0));
  }
}
