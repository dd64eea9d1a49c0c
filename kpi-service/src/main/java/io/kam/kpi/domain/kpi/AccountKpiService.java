package io.kam.kpi.domain.kpi;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import io.kam.kpi.config.KpiConfig;
import io.kam.kpi.domain.account.AccountRepository;
import io.kam.kpi.domain.account.AccountRow;
import io.kam.kpi.domain.calc.AccountKpiCalculator;
import io.kam.kpi.domain.calc.AccountKpis;
import io.kam.kpi.domain.calc.ChurnRate;
import io.kam.kpi.domain.calc.InputDates;
import io.kam.kpi.domain.calc.KpiMath;
import io.kam.kpi.domain.calc.KpiSettings;
import io.kam.kpi.domain.calc.MonthRange;
import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.calc.RevenueHistory;
import io.kam.kpi.domain.calc.SurveyHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An account's KPIs (alone or pooled with its current subtree) from the monthly aggregates. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountKpiService {

  /**
   * One point of a timeseries: revenue of the period, growth against P-1 and P-Y, and the T12M
   * revenue ending with the period's last month (docs/kpis-and-scores.md, same null rules).
   */
  public record Point(
      String period,
      BigDecimal revenue,
      BigDecimal revenueGrowth,
      BigDecimal yoyGrowth,
      BigDecimal t12mRevenue) {}

  private final AccountRepository accounts;
  private final AggregateRepository aggregates;
  private final PortfolioFactsQuery portfolio;
  private final InputDatesRepository inputDates;
  private final FreshnessPolicy freshness;
  private final KpiConfig config;
  private final KamClock clock;

  public AccountKpiService(
      AccountRepository accounts,
      AggregateRepository aggregates,
      PortfolioFactsQuery portfolio,
      InputDatesRepository inputDates,
      FreshnessPolicy freshness,
      KpiConfig config,
      KamClock clock) {
    this.accounts = accounts;
    this.aggregates = aggregates;
    this.portfolio = portfolio;
    this.inputDates = inputDates;
    this.freshness = freshness;
    this.config = config;
    this.clock = clock;
  }

  public AccountKpis kpis(UUID accountId, Period period, boolean includeChildren) {
    AccountRow account = live(accountId);
    List<UUID> scope = scope(account, includeChildren);
    MonthRange t12m = period.t12m();
    RevenueHistory revenue =
        RevenueHistory.pooled(aggregates.revenue(scope, period.lastMonth()).values());
    SurveyHistory surveys =
        SurveyHistory.pooled(aggregates.surveys(scope, t12m.first(), t12m.last()).values());
    BigDecimal churn = ChurnRate.annual(portfolio.churnWindows(period.lastMonth()));
    // Freshness is the account's own inputs, children or not: it flags what its KAM must load.
    InputDates inputs = inputDates.latest(List.of(accountId)).get(accountId);
    return AccountKpiCalculator.compute(
            accountId, revenue, surveys, period, account.wallet(), churn, settings())
        .withFreshness(freshness.of(inputs, clock.today()));
  }

  /**
   * The KPIs of every live account among {@code accountIds} (unknown and deleted ones are absent),
   * in the order asked, each as {@link #kpis} computes it alone. Set-based: six queries whatever
   * the number of accounts (the accounts, their revenue up to P, their surveys of T12M, the
   * portfolio churn windows, and the two input-date queries), never one per account.
   */
  public List<AccountKpis> batch(List<UUID> accountIds, Period period) {
    List<AccountRow> live = accounts.findLive(accountIds);
    List<UUID> ids = live.stream().map(AccountRow::id).toList();
    MonthRange t12m = period.t12m();
    Map<UUID, RevenueHistory> revenue = aggregates.revenue(ids, period.lastMonth());
    Map<UUID, SurveyHistory> surveys = aggregates.surveys(ids, t12m.first(), t12m.last());
    BigDecimal churn = ChurnRate.annual(portfolio.churnWindows(period.lastMonth()));
    Map<UUID, InputDates> inputs = inputDates.latest(ids);
    LocalDate today = clock.today();
    Map<UUID, AccountRow> byId = new HashMap<>();
    live.forEach(a -> byId.put(a.id(), a));
    List<AccountKpis> result = new ArrayList<>(live.size());
    for (UUID id : new LinkedHashSet<>(accountIds)) {
      AccountRow account = byId.get(id);
      if (account != null) {
        result.add(
            AccountKpiCalculator.compute(
                    id,
                    revenue.get(id),
                    surveys.get(id),
                    period,
                    account.wallet(),
                    churn,
                    settings())
                .withFreshness(freshness.of(inputs.get(id), today)));
      }
    }
    return result;
  }

  private KpiSettings settings() {
    return new KpiSettings(config.grossMargin(), config.maxLifetimeYears());
  }

  /**
   * Revenue and its growth and T12M revenue for every period of {@code kind} from {@code from} to
   * {@code to}.
   */
  public List<Point> timeseries(
      UUID accountId, YearMonth from, YearMonth to, Period.Kind kind, boolean includeChildren) {
    AccountRow account = live(accountId);
    Period first = Period.containing(kind, from);
    Period last = Period.containing(kind, to);
    RevenueHistory revenue =
        RevenueHistory.pooled(
            aggregates.revenue(scope(account, includeChildren), last.lastMonth()).values());
    List<Point> points = new ArrayList<>();
    for (Period p = first; !p.firstMonth().isAfter(last.firstMonth()); p = p.next()) {
      BigDecimal rev = revenue.net(p);
      points.add(
          new Point(
              p.toString(),
              rev,
              KpiMath.growth(rev, revenue.net(p.previous())),
              KpiMath.growth(rev, revenue.net(p.yearAgo())),
              revenue.net(p.t12m())));
    }
    return points;
  }

  private AccountRow live(UUID accountId) {
    return accounts
        .find(accountId)
        .filter(a -> !a.deleted())
        .orElseThrow(() -> ProblemException.notFound("no account " + accountId));
  }

  private List<UUID> scope(AccountRow account, boolean includeChildren) {
    return includeChildren ? accounts.subtree(account.id()) : List.of(account.id());
  }
}
