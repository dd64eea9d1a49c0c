package io.kam.kpi.domain.kpi;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Changes to the monthly revenue aggregate collected while a batch is applied: a new line adds its
 * amount, a changed or voided one first takes its old amount back. Kept sorted so that concurrent
 * batches update aggregate rows in the same order.
 */
public final class RevenueDeltas {

  public record Key(UUID accountId, YearMonth month, String productLine) {}

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::accountId)
          .thenComparing(Key::month)
          .thenComparing(Key::productLine);

  private final Map<Key, BigDecimal> deltas = new TreeMap<>(ORDER);

  public void add(UUID accountId, YearMonth month, String productLine, BigDecimal amount) {
    deltas.merge(new Key(accountId, month, productLine), amount, BigDecimal::add);
  }

  public Map<Key, BigDecimal> nonZero() {
    Map<Key, BigDecimal> result = new TreeMap<>(ORDER);
    deltas.forEach(
        (k, v) -> {
          if (v.signum() != 0) {
            result.put(k, v);
          }
        });
    return result;
  }

  public boolean isEmpty() {
    return nonZero().isEmpty();
  }
}
