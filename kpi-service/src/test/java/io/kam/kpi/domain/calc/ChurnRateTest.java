package io.kam.kpi.domain.calc;

import static io.kam.kpi.domain.calc.Fixtures.assertDecimal;
import static io.kam.kpi.domain.calc.Fixtures.d;
import static io.kam.kpi.domain.calc.Fixtures.revenue;
import static io.kam.kpi.domain.calc.Fixtures.ym;

import io.kam.kpi.domain.calc.ChurnRate.AccountWindows;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnRateTest {

  private static AccountWindows windows(String t12m, String previous12m) {
    return new AccountWindows(d(t12m), d(previous12m));
  }

  @Test
  void churnIsTheShareOfEarlierActiveAccountsNotActiveNow() {
    List<AccountWindows> accounts =
        List.of(
            windows("100", "50"), // stayed
            windows("1", "1"), // stayed
            windows("5", "300"), // stayed (any net > 0 counts)
            windows("0", "80"), // churned
            windows("-10", "80"), // churned: a negative window is not active
            windows("500", "0"), // new: not in the earlier window
            windows("500", "-20"), // not active earlier
            windows("0", "0"));
    // earlier active: 5; also active now: 3 -> 1 - 3/5 = 0.4
    assertDecimal("0.4", ChurnRate.annual(accounts));
  }

  @Test
  void churnIsZeroWhenNoAccountWasActiveInTheEarlierWindow() {
    assertDecimal("0", ChurnRate.annual(List.of()));
    assertDecimal("0", ChurnRate.annual(List.of(windows("100", "0"), windows("5", "-5"))));
  }

  @Test
  void churnIsComputedToSixteenSignificantDigits() {
    // 1 - 2/3 = 0.333...
    assertDecimal(
        "0.3333333333333333",
        ChurnRate.annual(List.of(windows("1", "1"), windows("1", "1"), windows("0", "1"))));
  }

  @Test
  void windowsAreTheT12mEndingWithAMonthAndTheTwelveMonthsBefore() {
    RevenueHistory history =
        revenue()
            .line("2024-09", "CLOUD", "1000") // outside both
            .line("2024-10", "CLOUD", "30")
            .line("2025-09", "CLOUD", "-10")
            .line("2025-10", "CLOUD", "7")
            .line("2026-09", "CLOUD", "3")
            .line("2026-10", "CLOUD", "1000") // after
            .build();
    AccountWindows w = AccountWindows.of(history, ym("2026-09"));
    assertDecimal("10", w.t12mNet()); // 7 + 3
    assertDecimal("20", w.previous12mNet()); // 30 - 10
  }
}
