package io.kam.demo.portfolio;

import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Generated portfolios shared by the tests (generation is pure, so caching is safe). */
final class Portfolios {

  static final YearMonth LAST_MONTH = YearMonth.of(2026, 9);
  private static final Map<String, Portfolio> CACHE = new ConcurrentHashMap<>();

  private Portfolios() {}

  static Portfolio of(long seed, int size) {
    return CACHE.computeIfAbsent(
        seed + "/" + size, k -> new PortfolioGenerator(seed, size, LAST_MONTH).generate());
  }

  static Portfolio standard() {
    return of(42, 200);
  }
}
