package io.kam.kpi.domain.kpi;

import io.kam.chassis.problem.ProblemException;
import io.kam.kpi.config.KpiConfig;
import io.kam.kpi.domain.account.AccountRepository;
import io.kam.kpi.domain.account.AccountRow;
import io.kam.kpi.domain.calc.AccountKpiCalculator;
import io.kam.kpi.domain.calc.AccountKpis;
import io.kam.kpi.domain.calc.ChurnRate;
import io.kam.kpi.domain.calc.KpiMath;
import io.kam.kpi.domain.calc.KpiSettings;
import io.kam.kpi.domain.calc.MonthRange;
import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.calc.RevenueHistory;
import io.kam.kpi.domain.calc.SurveyHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An account's KPIs (alone or pooled with its current subtree) from the monthly aggregates. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountKpiService {

  /** One point of a timeseries: revenue of the period and growth against the one before. */
  public record Point(String period, BigDecimal revenue, BigDecimal revenueGrowth) {}

  private final AccountRepository accounts;
  private final AggregateRepository aggregates;
  private final PortfolioFactsQuery portfolio;
  private final KpiConfig config;

  public AccountKpiService(
      AccountRepository accounts,
      AggregateRepository aggregates,
      PortfolioFactsQuery portfolio,
      KpiConfig config) {
    this.accounts = accounts;
    this.aggregates = aggregates;
    this.portfolio = portfolio;
    this.config = config;
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
    return AccountKpiCalculator.compute(
        accountId,
        revenue,
        surveys,
        period,
        account.wallet(),
        churn,
        new KpiSettings(config.grossMargin(), config.maxLifetimeYears()));
  }

  /** Revenue and revenueGrowth for every period of {@code kind} from {@code from} to {@code to}. */
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
      points.add(new Point(p.toString(), rev, KpiMath.growth(rev, revenue.net(p.previous()))));
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
