package io.kam.kpi.domain.kpi;

import io.agroal.api.AgroalDataSource;
import io.kam.kpi.domain.Sql;
import io.kam.kpi.domain.calc.RevenueHistory;
import io.kam.kpi.domain.calc.SurveyCounts;
import io.kam.kpi.domain.calc.SurveyHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The monthly aggregates: written by deltas in the ingest transaction, read by every KPI so
 * that no query ever rescans raw lines.
 */
@ApplicationScoped
public class AggregateRepository {

  private final AgroalDataSource dataSource;

  public AggregateRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void apply(RevenueDeltas deltas) {
    Map<RevenueDeltas.Key, BigDecimal> changes = deltas.nonZero();
    if (changes.isEmpty()) {
      return;
    }
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("insert into monthly_revenue (account_id, month, product_line, amount)"
                  + " values (?, ?, ?, ?) on conflict (account_id, month, product_line)"
                  + " do update set amount = monthly_revenue.amount + excluded.amount")) {
        for (Map.Entry<RevenueDeltas.Key, BigDecimal> e : changes.entrySet()) {
          ps.setObject(1, e.getKey().accountId());
          ps.setDate(2, Sql.month(e.getKey().month()));
          ps.setString(3, e.getKey().productLine());
          ps.setBigDecimal(4, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  public void apply(SurveyDeltas deltas) {
    Map<SurveyDeltas.Key, SurveyDeltas.Counts> changes = deltas.nonZero();
    if (changes.isEmpty()) {
      return;
    }
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("insert into monthly_survey (account_id, month, csat_total, csat_good, nps_total,"
                  + " nps_promoters, nps_detractors) values (?, ?, ?, ?, ?, ?, ?) on conflict (account_id, month)"
                  + " do update set csat_total = monthly_survey.csat_total + excluded.csat_total,"
                  + " csat_good = monthly_survey.csat_good + excluded.csat_good,"
                  + " nps_total = monthly_survey.nps_total + excluded.nps_total,"
                  + " nps_promoters = monthly_survey.nps_promoters + excluded.nps_promoters,"
                  + " nps_detractors = monthly_survey.nps_detractors + excluded.nps_detractors")) {
        for (Map.Entry<SurveyDeltas.Key, SurveyDeltas.Counts> e : changes.entrySet()) {
          SurveyDeltas.Counts n = e.getValue();
          ps.setObject(1, e.getKey().accountId());
          ps.setDate(2, Sql.month(e.getKey().month()));
          ps.setInt(3, n.csatTotal());
          ps.setInt(4, n.csatGood());
          ps.setInt(5, n.npsTotal());
          ps.setInt(6, n.npsPromoters());
          ps.setInt(7, n.npsDetractors());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /**
   * Recomputes the first month with revenue (account and product line) of these accounts from
   * their aggregates; called whenever their aggregate rows changed.
   */
  public void refreshFirstRevenue(Collection<UUID> accountIds) {
    if (accountIds.isEmpty()) {
      return;
    }
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection()) {
        java.sql.Array ids = c.createArrayOf("uuid", accountIds.toArray());
        for (String sql : new String[] {
            "delete from account_first_revenue where account_id = any(?)",
            "insert into account_first_revenue (account_id, first_month) select account_id, min(month)"
                + " from (select account_id, month from monthly_revenue where account_id = any(?)"
                + " group by account_id, month having sum(amount) > 0) m group by account_id",
            "delete from line_first_revenue where account_id = any(?)",
            "insert into line_first_revenue (account_id, product_line, first_month)"
                + " select account_id, product_line, min(month) from monthly_revenue"
                + " where account_id = any(?) and amount > 0 group by account_id, product_line"}) {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, ids);
            ps.executeUpdate();
          }
        }
      }
      return null;
    });
  }

  /** Each account's revenue history up to and including {@code upTo} (the whole past). */
  public Map<UUID, RevenueHistory> revenue(Collection<UUID> accountIds, YearMonth upTo) {
    Map<UUID, RevenueHistory.Builder> builders = new HashMap<>();
    accountIds.forEach(id -> builders.put(id, RevenueHistory.builder()));
    if (!accountIds.isEmpty()) {
      Sql.run(() -> {
        try (Connection c = dataSource.getConnection();
            PreparedStatement ps =
                c.prepareStatement("select account_id, month, product_line, amount from monthly_revenue"
                    + " where account_id = any(?) and month <= ?")) {
          ps.setArray(1, c.createArrayOf("uuid", accountIds.toArray()));
          ps.setDate(2, Sql.month(upTo));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              builders.get(rs.getObject(1, UUID.class))
                  .add(Sql.month(rs.getDate(2)), rs.getString(3), rs.getBigDecimal(4));
            }
          }
        }
        return null;
      });
    }
    Map<UUID, RevenueHistory> result = new HashMap<>();
    builders.forEach((id, b) -> result.put(id, b.build()));
    return result;
  }

  /** Each account's survey counts per month within {@code from..to}. */
  public Map<UUID, SurveyHistory> surveys(Collection<UUID> accountIds, YearMonth from, YearMonth to) {
    Map<UUID, SurveyHistory.Builder> builders = new HashMap<>();
    accountIds.forEach(id -> builders.put(id, SurveyHistory.builder()));
    if (!accountIds.isEmpty()) {
      Sql.run(() -> {
        try (Connection c = dataSource.getConnection();
            PreparedStatement ps =
                c.prepareStatement("select account_id, month, csat_total, csat_good, nps_total, nps_promoters,"
                    + " nps_detractors from monthly_survey where account_id = any(?) and month between ? and ?")) {
          ps.setArray(1, c.createArrayOf("uuid", accountIds.toArray()));
          ps.setDate(2, Sql.month(from));
          ps.setDate(3, Sql.month(to));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              builders.get(rs.getObject(1, UUID.class)).add(Sql.month(rs.getDate(2)),
                  new SurveyCounts(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
            }
          }
        }
        return null;
      });
    }
    Map<UUID, SurveyHistory> result = new HashMap<>();
    builders.forEach((id, b) -> result.put(id, b.build()));
    return result;
  }
}
