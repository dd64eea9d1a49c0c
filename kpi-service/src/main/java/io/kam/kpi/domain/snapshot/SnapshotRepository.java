package io.kam.kpi.domain.snapshot;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.kpi.domain.calc.KpiSnapshotValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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
            + " share_of_wallet, nps_t12m, csat_t12m, cross_sell_count from kpi_snapshot where account_id = any(:ids)",
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
                        r.resultSet().getInt("cross_sell_count")))));
    return result;
  }

  public void savePublished(UUID accountId, YearMonth asOf, KpiSnapshotValues v) {
    jdbc.update(
        "insert into kpi_snapshot (account_id, as_of_month, computed_month, t12m_revenue, t12m_growth,"
            + " last3m_growth, share_of_wallet, nps_t12m, csat_t12m, cross_sell_count, published_at) values"
            + " (:accountId, :asOf, :asOf, :t12mRevenue, :t12mGrowth, :last3mGrowth, :shareOfWallet, :npsT12m,"
            + " :csatT12m, :crossSellCount, now()) on conflict (account_id) do update"
            + " set as_of_month = excluded.as_of_month, computed_month = excluded.computed_month,"
            + " t12m_revenue = excluded.t12m_revenue, t12m_growth = excluded.t12m_growth,"
            + " last3m_growth = excluded.last3m_growth, share_of_wallet = excluded.share_of_wallet,"
            + " nps_t12m = excluded.nps_t12m, csat_t12m = excluded.csat_t12m,"
            + " cross_sell_count = excluded.cross_sell_count, published_at = now()",
        SqlParams.of(
            "accountId",
            accountId,
            "asOf",
            asOf,
            "t12mRevenue",
            v.t12mRevenue(),
            "t12mGrowth",
            v.t12mGrowth(),
            "last3mGrowth",
            v.last3mGrowth(),
            "shareOfWallet",
            v.shareOfWallet(),
            "npsT12m",
            v.npsT12m(),
            "csatT12m",
            v.csatT12m(),
            "crossSellCount",
            v.crossSellCount()));
  }

  public void markComputed(UUID accountId, YearMonth computedMonth) {
    jdbc.update(
        "update kpi_snapshot set computed_month = :month where account_id = :accountId",
        SqlParams.of("month", computedMonth, "accountId", accountId));
  }
}
