package io.kam.kpi.domain.snapshot;

import io.kam.kpi.domain.calc.InputDates;
import io.kam.kpi.domain.calc.KpiSnapshotValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** The last published snapshot of an account and the month it was last recomputed for. */
public record StoredSnapshot(
    UUID accountId,
    YearMonth asOfMonth,
    YearMonth computedMonth,
    KpiSnapshotValues values,
    InputDates inputs,
    Instant publishedAt) {

  /**
   * Equal values (decimals compared by value) and equal input dates: nothing to publish. A change
   * of only the input dates publishes, since consumers show how fresh a snapshot's inputs are.
   */
  public boolean sameAs(Snapshot other) {
    return sameValues(other.values()) && inputs.equals(other.inputs());
  }

  private boolean sameValues(KpiSnapshotValues other) {
    return same(values.t12mRevenue(), other.t12mRevenue())
        && same(values.t12mGrowth(), other.t12mGrowth())
        && same(values.last3mGrowth(), other.last3mGrowth())
        && same(values.shareOfWallet(), other.shareOfWallet())
        && same(values.npsT12m(), other.npsT12m())
        && same(values.csatT12m(), other.csatT12m())
        && values.crossSellCount() == other.crossSellCount();
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
