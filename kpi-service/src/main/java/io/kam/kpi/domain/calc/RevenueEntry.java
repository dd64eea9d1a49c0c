package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Net revenue of one product line in one month (a revenue line, or an aggregate of several computed
 * by the caller, e.g. by SQL). Amounts may be negative: credit notes.
 */
public record RevenueEntry(YearMonth month, String productLine, BigDecimal amount) {

  public RevenueEntry {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(productLine, "productLine");
    Objects.requireNonNull(amount, "amount");
    // 1E+3 (as a JSON parser may read "1e3") is the same money as 1000; keep sums plain.
    amount = KpiMath.plain(amount);
  }
}
