package io.kam.kpi.domain.snapshot;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.kpi.domain.calc.InputDates;
import io.kam.kpi.domain.calc.KpiSnapshotValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The last published snapshot per account. */
@ApplicationScoped
public class SnapshotRepository {

  private final Jdbc jdbc;

  public SnapshotRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public Map<UUID, StoredSnapshot> find(Collection<UUID> accountIds) {
    Map<UUID, StoredSnapshot> result = new HashMap<>();
    if (accountIds.isEmpty()) {
      return result;
    }
    jdbc.list(
        "select account_id, as_of_month, computed_month, t12m_revenue, t12m_growth, last3m_growth,"
            + " share_of_wallet, nps_t12m, csat_t12m, cross_sell_count, last_revenue_month, last_survey_date,"
            + " published_at from kpi_snapshot where account_id = any(:ids)",
        SqlParams.none().array("ids", "uuid", accountIds),
        r ->
            result.put(
                r.uuid("account_id"),
                new StoredSnapshot(
                    r.uuid("account_id"),
                    r.month("as_of_month"),
                    r.month("computed_month"),
                    new KpiSnapshotValues(
                        r.decimal("t12m_revenue"),
                        r.decimal("t12m_growth"),
                        r.decimal("last3m_growth"),
                        r.decimal("share_of_wallet"),
                        r.decimal("nps_t12m"),
                        r.decimal("csat_t12m"),
                        r.resultSet().getInt("cross_sell_count")),
                    new InputDates(r.month("last_revenue_month"), r.date("last_survey_date")),
                    r.instant("published_at"))));
    return result;
  }

  /**
   * Stores these snapshots as the last published ones for {@code asOf}, in one statement however
   * many accounts a batch touched.
   */
  public void savePublished(YearMonth asOf, Map<UUID, Snapshot> published) {
    if (published.isEmpty()) {
      return;
    }
    List<UUID> ids = new ArrayList<>(published.keySet());
    List<KpiSnapshotValues> values = ids.stream().map(id -> published.get(id).values()).toList();
    List<InputDates> inputs = ids.stream().map(id -> published.get(id).inputs()).toList();
    jdbc.update(
        "insert into kpi_snapshot (account_id, as_of_month, computed_month, t12m_revenue, t12m_growth,"
            + " last3m_growth, share_of_wallet, nps_t12m, csat_t12m, cross_sell_count, last_revenue_month,"
            + " last_survey_date, published_at)"
            + " select v.id, :asOf, :asOf, v.rev, v.growth, v.last3m, v.share, v.nps, v.csat, v.cross_sell,"
            + " v.last_revenue, v.last_survey, now()"
            + " from unnest(:ids::uuid[], :rev::numeric[], :growth::numeric[], :last3m::numeric[],"
            + " :share::numeric[], :nps::numeric[], :csat::numeric[], :crossSell::int4[],"
            + " :lastRevenue::date[], :lastSurvey::date[])"
            + " v(id, rev, growth, last3m, share, nps, csat, cross_sell, last_revenue, last_survey)"
            + " on conflict (account_id) do update"
            + " set as_of_month = excluded.as_of_month, computed_month = excluded.computed_month,"
            + " t12m_revenue = excluded.t12m_revenue, t12m_growth = excluded.t12m_growth,"
            + " last3m_growth = excluded.last3m_growth, share_of_wallet = excluded.share_of_wallet,"
            + " nps_t12m = excluded.nps_t12m, csat_t12m = excluded.csat_t12m,"
            + " cross_sell_count = excluded.cross_sell_count,"
            + " last_revenue_month = excluded.last_revenue_month,"
            + " last_survey_date = excluded.last_survey_date, published_at = now()",
        SqlParams.of("asOf", asOf)
            .array("ids", "uuid", ids)
            .array("rev", "numeric", column(values, KpiSnapshotValues::t12mRevenue))
            .array("growth", "numeric", column(values, KpiSnapshotValues::t12mGrowth))
            .array("last3m", "numeric", column(values, KpiSnapshotValues::last3mGrowth))
            .array("share", "numeric", column(values, KpiSnapshotValues::shareOfWallet))
            .array("nps", "numeric", column(values, KpiSnapshotValues::npsT12m))
            .array("csat", "numeric", column(values, KpiSnapshotValues::csatT12m))
            .array("crossSell", "int4", column(values, KpiSnapshotValues::crossSellCount))
            // ISO text cast to date[] by the statement: no driver mapping of java.time in arrays.
            .array(
                "lastRevenue",
                "text",
                inputs.stream()
                    .map(i -> i.lastRevenueMonth() == null ? null : i.lastRevenueMonth() + "-01")
                    .toList())
            .array(
                "lastSurvey",
                "text",
                inputs.stream()
                    .map(i -> i.lastSurveyDate() == null ? null : i.lastSurveyDate().toString())
                    .toList()));
  }

  /**
   * Records that these accounts' snapshots were recomputed for {@code month} (values unchanged).
   */
  public void markComputed(Collection<UUID> accountIds, YearMonth month) {
    if (accountIds.isEmpty()) {
      return;
    }
    jdbc.update(
        "update kpi_snapshot set computed_month = :month where account_id = any(:ids)",
        SqlParams.of("month", month).array("ids", "uuid", accountIds));
  }

  /** One field of every snapshot, in order (nulls kept: a KPI without a value). */
  private static List<Object> column(
      List<KpiSnapshotValues> values, Function<KpiSnapshotValues, Object> field) {
    return values.stream().map(field).toList();
  }
}
