package io.kam.kpi.domain.kpi;

import io.agroal.api.AgroalDataSource;
import io.kam.kpi.domain.NamedSql;
import io.kam.kpi.domain.Sql;
import io.kam.kpi.domain.calc.AccountPeriodFacts;
import io.kam.kpi.domain.calc.ChurnRate;
import io.kam.kpi.domain.calc.MonthRange;
import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.calc.SurveyCounts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The per-account facts the portfolio KPIs need, computed by SQL over the monthly aggregates
 * (never the raw lines): rev in P, P-1 and P-Y, "revenue before P", the number of new product
 * lines, survey counts. The formulas themselves stay in PortfolioKpiCalculator.
 */
@ApplicationScoped
public class PortfolioFactsQuery {

  // hist: the segment's aggregate rows up to P's last month ("before P" needs the whole past).
  private static final String FACTS = """
      with seg as (select a.id from account a where not a.deleted %s),
      hist as materialized (
        select r.account_id, r.month, r.product_line, r.amount
        from monthly_revenue r join seg on seg.id = r.account_id where r.month <= :pLast),
      sums as (
        select account_id,
          coalesce(sum(amount) filter (where month >= :pFirst), 0) rev,
          coalesce(sum(amount) filter (where month between :prevFirst and :prevLast), 0) prev,
          coalesce(sum(amount) filter (where month between :yFirst and :yLast), 0) yago
        from hist where month >= :sumsFirst group by account_id),
      had_before as (
        select distinct account_id from (
          select account_id from hist where month < :pFirst
          group by account_id, month having sum(amount) > 0) m),
      lines_before as (
        select distinct account_id, product_line from hist where month < :pFirst and amount > 0),
      lines_in_p as (
        select account_id, product_line from hist where month >= :pFirst
        group by account_id, product_line having sum(amount) > 0),
      cross_sell as (
        select p.account_id, count(*) n from lines_in_p p
        where not exists (select 1 from lines_before b
                          where b.account_id = p.account_id and b.product_line = p.product_line)
        group by p.account_id),
      surveys as (
        select s.account_id, sum(csat_total) ct, sum(csat_good) cg, sum(nps_total) nt,
               sum(nps_promoters) np, sum(nps_detractors) nd
        from monthly_survey s join seg on seg.id = s.account_id
        where s.month between :pFirst and :pLast group by s.account_id)
      select seg.id, coalesce(sums.rev, 0), coalesce(sums.prev, 0), coalesce(sums.yago, 0),
             hb.account_id is not null,
             case when hb.account_id is null then 0 else coalesce(cs.n, 0) end,
             coalesce(sv.ct, 0), coalesce(sv.cg, 0), coalesce(sv.nt, 0), coalesce(sv.np, 0), coalesce(sv.nd, 0)
      from seg
      left join sums on sums.account_id = seg.id
      left join had_before hb on hb.account_id = seg.id
      left join cross_sell cs on cs.account_id = seg.id
      left join surveys sv on sv.account_id = seg.id
      """;

  // Portfolio-wide, whatever the segment: net revenue in T12M and the 12 months before.
  private static final String CHURN_WINDOWS = """
      select r.account_id,
        coalesce(sum(r.amount) filter (where r.month >= :t12First), 0),
        coalesce(sum(r.amount) filter (where r.month < :t12First), 0)
      from monthly_revenue r join account a on a.id = r.account_id and not a.deleted
      where r.month between :earlierFirst and :last group by r.account_id
      """;

  private final AgroalDataSource dataSource;

  public PortfolioFactsQuery(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
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
    YearMonth earliest = period.previous().firstMonth().isBefore(period.yearAgo().firstMonth())
        ? period.previous().firstMonth() : period.yearAgo().firstMonth();
    params.put("sumsFirst", Sql.month(earliest));
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = NamedSql.prepare(c, FACTS.formatted(filter), params);
          ResultSet rs = ps.executeQuery()) {
        List<AccountPeriodFacts> facts = new ArrayList<>();
        while (rs.next()) {
          facts.add(new AccountPeriodFacts(rs.getObject(1, UUID.class), rs.getBigDecimal(2),
              rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBoolean(5), rs.getInt(6),
              new SurveyCounts(rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11))));
        }
        return facts;
      }
    });
  }

  /** Every live account's revenue in the T12M window ending with {@code lastMonth} and before. */
  public List<ChurnRate.AccountWindows> churnWindows(YearMonth lastMonth) {
    MonthRange t12m = MonthRange.endingWith(lastMonth, 12);
    Map<String, Object> params = Map.of(
        "t12First", Sql.month(t12m.first()),
        "earlierFirst", Sql.month(t12m.before().first()),
        "last", Sql.month(lastMonth));
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = NamedSql.prepare(c, CHURN_WINDOWS, params);
          ResultSet rs = ps.executeQuery()) {
        List<ChurnRate.AccountWindows> windows = new ArrayList<>();
        while (rs.next()) {
          windows.add(new ChurnRate.AccountWindows(rs.getBigDecimal(2), rs.getBigDecimal(3)));
        }
        return windows;
      }
    });
  }

  private static void addFilter(
      StringBuilder sql, Map<String, Object> params, String column, String name, String value) {
    if (value != null) {
      sql.append(" and ").append(column).append(" = :").append(name);
      params.put(name, value);
    }
  }

  private static void range(Map<String, Object> params, String prefix, MonthRange range) {
    params.put(prefix + "First", Sql.month(range.first()));
    params.put(prefix + "Last", Sql.month(range.last()));
  }
}
