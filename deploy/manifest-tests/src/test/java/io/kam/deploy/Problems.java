package io.kam.deploy;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a check, so one run lists them all. */
final class Problems {

  private final List<String> list = new ArrayList<>();

  void check(boolean ok, String message) {
    if (!ok) {
      list.add(message);
    }
  }

  void add(String message) {
    list.add(message);
  }

  void run(String where, Runnable r) {
    try {
      r.run();
    } catch (AssertionError | RuntimeException e) {
      list.add(where + ": " + e.getMessage());
    }
  }

  void assertNone() {
    if (!list.isEmpty()) {
      throw new AssertionError(list.size() + " problem(s):\n  - " + String.join("\n  - ", list));
    }
  }
}
