package io.kam.planning.domain;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a plan list shows beside each plan, for a whole page in one query: the account's name (from
 * the account read model), the objectives roll-up and the weighted pipeline.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanRollups {

  /**
   * Objectives that count (CANCELLED ones do not): how many, achieved, missed, and the mean
   * progress, an ACHIEVED one counting 100 and one without a progress (no KPI value yet, or not
   * bound) left out; null when none has a progress.
   */
  public record Objectives(int total, int achieved, int missed, BigDecimal averageProgress) {}

  public record Rollup(String accountName, Objectives objectives, BigDecimal weightedPipeline) {}

  private final Jdbc jdbc;

  public PlanRollups(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** By plan id; a plan id without a row is absent. */
  public Map<UUID, Rollup> of(Collection<UUID> planIds) {
    Map<UUID, Rollup> out = new HashMap<>();
    if (planIds.isEmpty()) {
      return out;
    }
    jdbc.list(
        "select p.id, a.name, coalesce(o.total, 0) as total, coalesce(o.achieved, 0) as achieved,"
            + " coalesce(o.missed, 0) as missed, o.average_progress,"
            + " coalesce(w.pipeline, 0) as pipeline"
            + " from plan p left join account a on a.id = p.account_id"
            + " left join (select plan_id, count(*) as total,"
            + "   count(*) filter (where status = 'ACHIEVED') as achieved,"
            + "   count(*) filter (where status = 'MISSED') as missed,"
            + "   avg(case when status = 'ACHIEVED' then 100 else progress end) as average_progress"
            + "   from plan_objective where plan_id = any(:ids) and status <> 'CANCELLED'"
            + "   group by plan_id) o on o.plan_id = p.id"
            + " left join (select plan_id, sum(estimated_value * probability) as pipeline"
            + "   from plan_opportunity where plan_id = any(:ids) group by plan_id) w"
            + "   on w.plan_id = p.id"
            + " where p.id = any(:ids)",
        SqlParams.none().array("ids", "uuid", planIds),
        row ->
            out.put(
                row.uuid("id"),
                new Rollup(
                    row.string("name"),
                    new Objectives(
                        row.intValue("total"),
                        row.intValue("achieved"),
                        row.intValue("missed"),
                        row.decimal("average_progress")),
                    row.decimal("pipeline"))));
    return out;
  }
}
