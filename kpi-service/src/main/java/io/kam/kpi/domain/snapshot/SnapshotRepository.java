package io.kam.kpi.domain.snapshot;

import io.agroal.api.AgroalDataSource;
import io.kam.kpi.domain.Sql;
import io.kam.kpi.domain.calc.KpiSnapshotValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The last published snapshot per account. */
@ApplicationScoped
public class SnapshotRepository {

  private final AgroalDataSource dataSource;

  public SnapshotRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Map<UUID, StoredSnapshot> find(Collection<UUID> accountIds) {
    Map<UUID, StoredSnapshot> result = new HashMap<>();
    if (accountIds.isEmpty()) {
      return result;
    }
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("select account_id, as_of_month, computed_month, t12m_revenue, t12m_growth,"
                  + " last3m_growth, share_of_wallet, nps_t12m, csat_t12m, cross_sell_count"
                  + " from kpi_snapshot where account_id = any(?)")) {
        ps.setArray(1, c.createArrayOf("uuid", accountIds.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            UUID id = rs.getObject(1, UUID.class);
            result.put(id, new StoredSnapshot(id, Sql.month(rs.getDate(2)), Sql.month(rs.getDate(3)),
                new KpiSnapshotValues(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                    rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getInt(10))));
          }
        }
      }
      return result;
    });
  }

  public void savePublished(UUID accountId, YearMonth asOf, KpiSnapshotValues v) {
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("insert into kpi_snapshot (account_id, as_of_month, computed_month, t12m_revenue,"
                  + " t12m_growth, last3m_growth, share_of_wallet, nps_t12m, csat_t12m, cross_sell_count,"
                  + " published_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) on conflict (account_id) do update"
                  + " set as_of_month = excluded.as_of_month, computed_month = excluded.computed_month,"
                  + " t12m_revenue = excluded.t12m_revenue, t12m_growth = excluded.t12m_growth,"
                  + " last3m_growth = excluded.last3m_growth, share_of_wallet = excluded.share_of_wallet,"
                  + " nps_t12m = excluded.nps_t12m, csat_t12m = excluded.csat_t12m,"
                  + " cross_sell_count = excluded.cross_sell_count, published_at = now()")) {
        ps.setObject(1, accountId);
        ps.setDate(2, Sql.month(asOf));
        ps.setDate(3, Sql.month(asOf));
        ps.setBigDecimal(4, v.t12mRevenue());
        ps.setBigDecimal(5, v.t12mGrowth());
        ps.setBigDecimal(6, v.last3mGrowth());
        ps.setBigDecimal(7, v.shareOfWallet());
        ps.setBigDecimal(8, v.npsT12m());
        ps.setBigDecimal(9, v.csatT12m());
        ps.setInt(10, v.crossSellCount());
        ps.executeUpdate();
      }
      return null;
    });
  }

  public void markComputed(UUID accountId, YearMonth computedMonth) {
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("update kpi_snapshot set computed_month = ? where account_id = ?")) {
        ps.setDate(1, Sql.month(computedMonth));
        ps.setObject(2, accountId);
        ps.executeUpdate();
      }
      return null;
    });
  }
}
