package io.kam.kpi.domain.kpi;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.kpi.domain.calc.RevenueHistory;
import io.kam.kpi.domain.calc.SurveyCounts;
import io.kam.kpi.domain.calc.SurveyHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The monthly aggregates: written by deltas in the ingest transaction, read by every KPI so that no
 * query ever rescans raw lines.
 */
@ApplicationScoped
public class AggregateRepository {

  private final Jdbc jdbc;

  public AggregateRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public void apply(RevenueDeltas deltas) {
    jdbc.batch(
        "insert into monthly_revenue (account_id, month, product_line, amount)"
            + " values (:accountId, :month, :productLine, :amount) on conflict (account_id, month, product_line)"
            + " do update set amount = monthly_revenue.amount + excluded.amount",
        deltas.nonZero().entrySet(),
        (e, p) ->
            p.set("accountId", e.getKey().accountId())
                .set("month", e.getKey().month())
                .set("productLine", e.getKey().productLine())
                .set("amount", e.getValue()));
  }

  public void apply(SurveyDeltas deltas) {
    jdbc.batch(
        "insert into monthly_survey (account_id, month, csat_total, csat_good, nps_total,"
            + " nps_promoters, nps_detractors) values (:accountId, :month, :csatTotal, :csatGood, :npsTotal,"
            + " :npsPromoters, :npsDetractors) on conflict (account_id, month)"
            + " do update set csat_total = monthly_survey.csat_total + excluded.csat_total,"
            + " csat_good = monthly_survey.csat_good + excluded.csat_good,"
            + " nps_total = monthly_survey.nps_total + excluded.nps_total,"
            + " nps_promoters = monthly_survey.nps_promoters + excluded.nps_promoters,"
            + " nps_detractors = monthly_survey.nps_detractors + excluded.nps_detractors",
        deltas.nonZero().entrySet(),
        (e, p) -> {
          SurveyDeltas.Counts n = e.getValue();
          p.set("accountId", e.getKey().accountId())
              .set("month", e.getKey().month())
              .set("csatTotal", n.csatTotal())
              .set("csatGood", n.csatGood())
              .set("npsTotal", n.npsTotal())
              .set("npsPromoters", n.npsPromoters())
              .set("npsDetractors", n.npsDetractors());
        });
  }

  /**
   * Recomputes the first month with revenue (account and product line) of these accounts from their
   * aggregates; called whenever their aggregate rows changed.
   */
  public void refreshFirstRevenue(Collection<UUID> accountIds) {
    if (accountIds.isEmpty()) {
      return;
    }
    SqlParams ids = SqlParams.none().array("ids", "uuid", accountIds);
    jdbc.update("delete from account_first_revenue where account_id = any(:ids)", ids);
    jdbc.update(
        "insert into account_first_revenue (account_id, first_month) select account_id, min(month)"
            + " from (select account_id, month from monthly_revenue where account_id = any(:ids)"
            + " group by account_id, month having sum(amount) > 0) m group by account_id",
        ids);
    jdbc.update("delete from line_first_revenue where account_id = any(:ids)", ids);
    jdbc.update(
        "insert into line_first_revenue (account_id, product_line, first_month)"
            + " select account_id, product_line, min(month) from monthly_revenue"
            + " where account_id = any(:ids) and amount > 0 group by account_id, product_line",
        ids);
  }

  /** Each account's revenue history up to and including {@code upTo} (the whole past). */
  public Map<UUID, RevenueHistory> revenue(Collection<UUID> accountIds, YearMonth upTo) {
    Map<UUID, RevenueHistory.Builder> builders = new HashMap<>();
    accountIds.forEach(id -> builders.put(id, RevenueHistory.builder()));
    if (!accountIds.isEmpty()) {
      jdbc.list(
          "select account_id, month, product_line, amount from monthly_revenue"
              + " where account_id = any(:ids) and month <= :upTo",
          SqlParams.of("upTo", upTo).array("ids", "uuid", accountIds),
          r ->
              builders
                  .get(r.uuid("account_id"))
                  .add(r.month("month"), r.string("product_line"), r.decimal("amount")));
    }
    Map<UUID, RevenueHistory> result = new HashMap<>();
    builders.forEach((id, b) -> result.put(id, b.build()));
    return result;
  }

  /** Each account's survey counts per month within {@code from..to}. */
  public Map<UUID, SurveyHistory> surveys(
      Collection<UUID> accountIds, YearMonth from, YearMonth to) {
    Map<UUID, SurveyHistory.Builder> builders = new HashMap<>();
    accountIds.forEach(id -> builders.put(id, SurveyHistory.builder()));
    if (!accountIds.isEmpty()) {
      jdbc.list(
          "select account_id, month, csat_total, csat_good, nps_total, nps_promoters, nps_detractors"
              + " from monthly_survey where account_id = any(:ids) and month between :from and :to",
          SqlParams.of("from", from, "to", to).array("ids", "uuid", accountIds),
          r ->
              builders
                  .get(r.uuid("account_id"))
                  .add(
                      r.month("month"),
                      new SurveyCounts(
                          r.longValue("csat_total"),
                          r.longValue("csat_good"),
                          r.longValue("nps_total"),
                          r.longValue("nps_promoters"),
                          r.longValue("nps_detractors"))));
    }
    Map<UUID, SurveyHistory> result = new HashMap<>();
    builders.forEach((id, b) -> result.put(id, b.build()));
    return result;
  }
}
