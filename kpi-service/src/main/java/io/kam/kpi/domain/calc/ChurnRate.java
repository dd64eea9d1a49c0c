package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Objects;

/**
 * The portfolio-wide annualChurnRate used by CLV: 1 - (accounts active in the T12M window and in
 * the 12 months before) / (accounts active in the 12 months before), where "active in a window" is
 * net revenue over the whole window > 0; 0 when no account was active earlier. Every account counts
 * on its own, whatever the segment asked for.
 */
public final class ChurnRate {

  private ChurnRate() {}

  /**
   * One account's net revenue in the T12M window and in the 12 months before it (the caller may
   * compute these by SQL for all accounts at once).
   */
  public record AccountWindows(BigDecimal t12mNet, BigDecimal previous12mNet) {

    public AccountWindows {
      Objects.requireNonNull(t12mNet, "t12mNet");
      Objects.requireNonNull(previous12mNet, "previous12mNet");
    }

    /** The windows of T12M ending with {@code lastMonth} (P's last month) and the 12 before. */
    public static AccountWindows of(RevenueHistory history, YearMonth lastMonth) {
      MonthRange t12m = MonthRange.endingWith(lastMonth, 12);
      return new AccountWindows(history.net(t12m), history.net(t12m.before()));
    }
  }

  public static BigDecimal annual(Collection<AccountWindows> accounts) {
    long earlier = 0;
    long stayed = 0;
    for (AccountWindows a : accounts) {
      if (a.previous12mNet().signum() > 0) {
        earlier++;
        if (a.t12mNet().signum() > 0) {
          stayed++;
        }
      }
    }
    if (earlier == 0) {
      return BigDecimal.ZERO;
    }
    // 1 - stayed/earlier == (earlier - stayed)/earlier: one exact-input division.
    return KpiMath.ratio(BigDecimal.valueOf(earlier - stayed), BigDecimal.valueOf(earlier));
  }
}
