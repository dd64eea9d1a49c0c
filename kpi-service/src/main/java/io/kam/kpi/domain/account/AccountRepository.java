package io.kam.kpi.domain.account;

import io.agroal.api.AgroalDataSource;
import io.kam.kpi.domain.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts read model. Plain JDBC on the transaction's connection, like every repository
 * of this service: ingest and aggregates work on thousands of rows per request.
 */
@ApplicationScoped
public class AccountRepository {

  private static final String COLUMNS =
      "id, source, external_id, parent_id, owner_id, industry, country, region, wallet, tier,"
          + " account_type, deleted";

  private final AgroalDataSource dataSource;

  public AccountRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<AccountRow> find(UUID id) {
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from account where id = ?")) {
        ps.setObject(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
      }
    });
  }

  /** Locks the account's row: snapshots of one account are computed one at a time. */
  public Optional<AccountRow> lock(UUID id) {
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("select " + COLUMNS + " from account where id = ? for update")) {
        ps.setObject(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
      }
    });
  }

  /** Locks the live accounts among {@code ids} in id order (no deadlock between batches). */
  public List<AccountRow> lockLive(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("select " + COLUMNS + " from account where id = any(?) and not deleted"
                  + " order by id for update")) {
        ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
        return rows(ps);
      }
    });
  }

  /**
   * The next live accounts (in id order) whose snapshot was not yet recomputed for {@code
   * computedMonth}, locked; rows another instance holds are skipped.
   */
  public List<AccountRow> lockStale(java.time.YearMonth computedMonth, int limit) {
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("select " + COLUMNS.replaceAll("(\\w+)", "a.$1") + " from account a"
                  + " left join kpi_snapshot s on s.account_id = a.id"
                  + " where not a.deleted and (s.account_id is null or s.computed_month <> ?)"
                  + " order by a.id limit ? for update of a skip locked")) {
        ps.setDate(1, Sql.month(computedMonth));
        ps.setInt(2, limit);
        return rows(ps);
      }
    });
  }

  /** The account and its current live descendants (a cycle, should one ever arrive, ends). */
  public List<UUID> subtree(UUID id) {
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("with recursive t(id) as (select id from account where id = ? and not deleted"
                  + " union select a.id from account a join t on a.parent_id = t.id where not a.deleted)"
                  + " select id from t")) {
        ps.setObject(1, id);
        List<UUID> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getObject(1, UUID.class));
          }
        }
        return ids;
      }
    });
  }

  /** Resolves every reference at once; unknown references map to {@link Resolution#UNKNOWN}. */
  public Map<AccountRef, Resolution> resolve(Collection<AccountRef> refs) {
    Map<AccountRef, Resolution> result = new HashMap<>();
    List<UUID> ids = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String> externalIds = new ArrayList<>();
    for (AccountRef ref : refs) {
      result.put(ref, Resolution.UNKNOWN);
      if (ref.id() != null) {
        ids.add(ref.id());
      } else {
        sources.add(ref.source());
        externalIds.add(ref.externalId());
      }
    }
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection()) {
        if (!ids.isEmpty()) {
          try (PreparedStatement ps =
              c.prepareStatement("select id, deleted from account where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                result.put(AccountRef.byId(id), new Resolution(id, rs.getBoolean(2)));
              }
            }
          }
        }
        if (!sources.isEmpty()) {
          // A live account wins over deleted ones with the same reference.
          try (PreparedStatement ps =
              c.prepareStatement("select a.source, a.external_id, a.id, a.deleted"
                  + " from unnest(?::text[], ?::text[]) r(source, external_id)"
                  + " join account a on a.source = r.source and a.external_id = r.external_id"
                  + " order by a.deleted desc")) {
            ps.setArray(1, c.createArrayOf("text", sources.toArray()));
            ps.setArray(2, c.createArrayOf("text", externalIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.put(AccountRef.byExternal(rs.getString(1), rs.getString(2)),
                    new Resolution(rs.getObject(3, UUID.class), rs.getBoolean(4)));
              }
            }
          }
        }
      }
      return null;
    });
    return result;
  }

  /**
   * Serializes "is this account known?" between an ingest that is about to store pending items
   * and the event that makes the account known, so no item stays pending forever.
   */
  public void lockReferences(Collection<AccountRef> refs) {
    if (refs.isEmpty()) {
      return;
    }
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("select pg_advisory_xact_lock(h) from (select distinct hashtextextended(k, 7) h"
                  + " from unnest(?::text[]) k order by 1) x")) {
        ps.setArray(1, c.createArrayOf("text", refs.stream().map(AccountRef::lockKey).sorted().toArray()));
        ps.executeQuery().close();
      }
      return null;
    });
  }

  public void upsert(AccountRow a) {
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("insert into account (id, source, external_id, parent_id, owner_id, industry,"
                  + " country, region, wallet, deleted) values (?, ?, ?, ?, ?, ?, ?, ?, ?, false)"
                  + " on conflict (id) do update set source = excluded.source, external_id = excluded.external_id,"
                  + " parent_id = excluded.parent_id, owner_id = excluded.owner_id, industry = excluded.industry,"
                  + " country = excluded.country, region = excluded.region, wallet = excluded.wallet,"
                  + " updated_at = now()")) {
        ps.setObject(1, a.id());
        ps.setString(2, a.source());
        ps.setString(3, a.externalId());
        ps.setObject(4, a.parentId());
        ps.setString(5, a.ownerId());
        ps.setString(6, a.industry());
        ps.setString(7, a.country());
        ps.setString(8, a.region());
        ps.setBigDecimal(9, a.wallet());
        ps.executeUpdate();
      }
      return null;
    });
  }

  public void markDeleted(UUID id) {
    update("update account set deleted = true, updated_at = now() where id = ?", id);
  }

  public void setScore(UUID id, String tier, String type) {
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("update account set tier = ?, account_type = ?, updated_at = now() where id = ?")) {
        ps.setString(1, tier);
        ps.setString(2, type);
        ps.setObject(3, id);
        ps.executeUpdate();
      }
      return null;
    });
  }

  private void update(String sql, UUID id) {
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setObject(1, id);
        ps.executeUpdate();
      }
      return null;
    });
  }

  private static List<AccountRow> rows(PreparedStatement ps) throws SQLException {
    List<AccountRow> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(row(rs));
      }
    }
    return rows;
  }

  private static AccountRow row(ResultSet rs) throws SQLException {
    return new AccountRow(
        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9),
        rs.getString(10), rs.getString(11), rs.getBoolean(12));
  }
}
