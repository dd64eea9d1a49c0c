package io.kam.kpi.domain.calc;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * What the portfolio KPIs need of one account for period P. Small enough to be produced by SQL for
 * a whole segment; {@link #of} derives it from the account's histories.
 *
 * @param revenue rev(a,P)
 * @param previousRevenue rev(a,P-1)
 * @param yearAgoRevenue rev(a,P-Y)
 * @param revenueBefore the account had revenue before P (docs/kpis-and-scores.md's "before P" rule)
 * @param crossSellCount size of the account's newProductLines for P
 * @param surveys the account's survey counts in P
 */
public record AccountPeriodFacts(
    UUID accountId,
    BigDecimal revenue,
    BigDecimal previousRevenue,
    BigDecimal yearAgoRevenue,
    boolean revenueBefore,
    int crossSellCount,
    SurveyCounts surveys) {

  public AccountPeriodFacts {
    Objects.requireNonNull(revenue, "revenue");
    Objects.requireNonNull(previousRevenue, "previousRevenue");
    Objects.requireNonNull(yearAgoRevenue, "yearAgoRevenue");
    Objects.requireNonNull(surveys, "surveys");
  }

  public static AccountPeriodFacts of(
      UUID accountId, RevenueHistory revenue, SurveyHistory surveys, Period period) {
    return new AccountPeriodFacts(
        accountId,
        revenue.net(period),
        revenue.net(period.previous()),
        revenue.net(period.yearAgo()),
        revenue.hadRevenueBefore(period.firstMonth()),
        revenue.newProductLines(period.range()).size(),
        surveys.counts(period));
  }

  /** In active(P): rev(a,P) > 0. */
  public boolean active() {
    return revenue.signum() > 0;
  }

  /** In active(P-1): rev(a,P-1) > 0. */
  public boolean previouslyActive() {
    return previousRevenue.signum() > 0;
  }

  /** Counted by newAccounts: in active(P) with no revenue before P. */
  public boolean isNew() {
    return active() && !revenueBefore;
  }

  /** Counted by churnedAccounts: in active(P-1) and not in active(P). */
  public boolean churned() {
    return previouslyActive() && !active();
  }
}
