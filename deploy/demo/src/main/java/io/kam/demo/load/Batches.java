package io.kam.demo.load;

import java.util.ArrayList;
import java.util.List;

/** Splits items into consecutive batches of at most {@code max}, in order. */
public final class Batches {

  /** The account sync endpoint's limit. */
  public static final int ACCOUNTS = 1000;

  /** The revenue line and survey response endpoints' limit. */
  public static final int KPI_ITEMS = 5000;

  private Batches() {}

  public static <T> List<List<T>> split(List<T> items, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a batch holds at least one item, got " + max);
    }
    List<List<T>> batches = new ArrayList<>((items.size() + max - 1) / max);
    for (int from = 0; from < items.size(); from += max) {
      batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + max))));
    }
    return batches;
  }
}
