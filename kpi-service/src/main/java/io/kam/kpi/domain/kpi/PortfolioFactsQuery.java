package io.kam.kpi.domain.kpi;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.kpi.domain.calc.AccountPeriodFacts;
import io.kam.kpi.domain.calc.ChurnRate;
import io.kam.kpi.domain.calc.MonthRange;
import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.calc.SurveyCounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-account facts the portfolio KPIs need, computed by SQL over the monthly aggregates (never
 * the raw lines): rev in P, P-1 and P-Y, "revenue before P", the number of new product lines,
 * survey counts. The formulas themselves stay in PortfolioKpiCalculator.
 */
@ApplicationScoped
public class PortfolioFactsQuery {

  /**
   * Per-account facts as one UNION ALL + GROUP BY, with no join between intermediate results: the
   * plan stays linear whatever the planner estimates for freshly written tables. Only the months of
   * P, P-1 and P-Y are read; "revenue before P" comes from the first-revenue tables. {@code %1$s}
   * is the revenue source (account_id, month, product_line, amount) and {@code %2$s} the segment
   * filter on account a.
   */
  private static final String FACTS =
      """
      with hist as materialized (
        select r.account_id, r.month, r.product_line, r.amount
        from %1$s r join account a on a.id = r.account_id
        where not a.deleted %2$s and r.month between :histFirst and :pLast),
      lines_in_p as (
        select account_id, product_line from hist where month >= :pFirst
        group by account_id, product_line having sum(amount) > 0),
      facts as (
        select account_id,
          coalesce(sum(amount) filter (where month >= :pFirst), 0) rev,
          coalesce(sum(amount) filter (where month between :prevFirst and :prevLast), 0) prev,
          coalesce(sum(amount) filter (where month between :yFirst and :yLast), 0) yago,
          false had_before, 0 new_lines, 0 ct, 0 cg, 0 nt, 0 np, 0 nd
        from hist group by account_id
        union all
        select f.account_id, 0, 0, 0, true, 0, 0, 0, 0, 0, 0
        from account_first_revenue f join account a on a.id = f.account_id
        where not a.deleted %2$s and f.first_month < :pFirst
        union all
        select p.account_id, 0, 0, 0, false, count(*), 0, 0, 0, 0, 0
        from lines_in_p p where not exists (
          select 1 from line_first_revenue f where f.account_id = p.account_id
          and f.product_line = p.product_line and f.first_month < :pFirst)
        group by p.account_id
        union all
        select s.account_id, 0, 0, 0, false, 0, sum(s.csat_total), sum(s.csat_good), sum(s.nps_total),
          sum(s.nps_promoters), sum(s.nps_detractors)
        from monthly_survey s join account a on a.id = s.account_id
        where not a.deleted %2$s and s.month between :pFirst and :pLast group by s.account_id
        union all
        select a.id, 0, 0, 0, false, 0, 0, 0, 0, 0, 0 from account a where not a.deleted %2$s)
      select account_id, sum(rev) rev, sum(prev) prev, sum(yago) yago, bool_or(had_before) had_before,
        sum(new_lines) new_lines, sum(ct) ct, sum(cg) cg, sum(nt) nt, sum(np) np, sum(nd) nd
      from facts group by account_id
      """;

  /** The revenue source: the monthly aggregate, never the raw lines. */
  private static final String AGGREGATES = "monthly_revenue";

  // Portfolio-wide, whatever the segment: net revenue in T12M and the 12 months before.
  private static final String CHURN_WINDOWS =
      """
      select r.account_id,
        coalesce(sum(r.amount) filter (where r.month >= :t12First), 0) t12m,
        coalesce(sum(r.amount) filter (where r.month < :t12First), 0) earlier
      from monthly_revenue r join account a on a.id = r.account_id and not a.deleted
      where r.month between :earlierFirst and :last group by r.account_id
      """;

  private final Jdbc jdbc;

  public PortfolioFactsQuery(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public List<AccountPeriodFacts> facts(Period period, Segment segment) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder filter = new StringBuilder();
    addFilter(filter, params, "a.owner_id", "ownerId", segment.ownerId());
    addFilter(filter, params, "a.tier", "tier", segment.tier());
    addFilter(filter, params, "a.account_type", "type", segment.type());
    addFilter(filter, params, "a.industry", "industry", segment.industry());
    addFilter(filter, params, "a.country", "country", segment.country());
    addFilter(filter, params, "a.region", "region", segment.region());
    range(params, "p", period.range());
    range(params, "prev", period.previous().range());
    range(params, "y", period.yearAgo().range());
    YearMonth histFirst =
        period.previous().firstMonth().isBefore(period.yearAgo().firstMonth())
            ? period.previous().firstMonth()
            : period.yearAgo().firstMonth();
    params.put("histFirst", histFirst);
    return jdbc.list(
        FACTS.formatted(AGGREGATES, filter),
        SqlParams.of(params),
        r -> {
          boolean revenueBefore = r.bool("had_before");
          // newProductLines is empty when the account had no revenue before P.
          return new AccountPeriodFacts(
              r.uuid("account_id"),
              r.decimal("rev"),
              r.decimal("prev"),
              r.decimal("yago"),
              revenueBefore,
              revenueBefore ? r.resultSet().getInt("new_lines") : 0,
              new SurveyCounts(
                  r.longValue("ct"),
                  r.longValue("cg"),
                  r.longValue("nt"),
                  r.longValue("np"),
                  r.longValue("nd")));
        });
  }

  /** Every live account's revenue in the T12M window ending with {@code lastMonth} and before. */
  public List<ChurnRate.AccountWindows> churnWindows(YearMonth lastMonth) {
    MonthRange t12m = MonthRange.endingWith(lastMonth, 12);
    SqlParams params =
        SqlParams.of(
            "t12First", t12m.first(),
            "earlierFirst", t12m.before().first(),
            "last", lastMonth);
    return jdbc.list(
        CHURN_WINDOWS,
        params,
        r -> new ChurnRate.AccountWindows(r.decimal("t12m"), r.decimal("earlier")));
  }

  private static void addFilter(
      StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
    if (value != null) {
      sql.append(" and ").append(column).append(" = :").append(name);
      params.put(name, value);
    }
  }

  private static void range(Map<String, Object> params, String prefix, MonthRange range) {
    params.put(prefix + "First", range.first());
    params.put(prefix + "Last", range.last());
  }
}
