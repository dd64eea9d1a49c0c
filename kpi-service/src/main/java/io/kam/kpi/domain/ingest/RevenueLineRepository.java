package io.kam.kpi.domain.ingest;

import io.agroal.api.AgroalDataSource;
import io.kam.kpi.domain.Sql;
import io.kam.kpi.domain.account.AccountRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Raw revenue lines, upserted by source + externalId. */
@ApplicationScoped
public class RevenueLineRepository {

  private static final String COLUMNS =
      "l.id, l.source, l.external_id, l.account_id, l.ref_account_id, l.ref_source, l.ref_external_id,"
          + " l.line_date, l.product_line, l.amount, l.voided";

  private final AgroalDataSource dataSource;

  public RevenueLineRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The stored lines of these keys, locked in key order, by {@link BulkItem#key()}. */
  public Map<String, StoredRevenueLine> lockByKeys(Collection<? extends BulkItem> items) {
    Map<String, StoredRevenueLine> result = new HashMap<>();
    if (items.isEmpty()) {
      return result;
    }
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("select " + COLUMNS + " from unnest(?::text[], ?::text[]) k(source, external_id)"
                  + " join revenue_line l on l.source = k.source and l.external_id = k.external_id"
                  + " order by l.source, l.external_id for update of l")) {
        ps.setArray(1, c.createArrayOf("text", items.stream().map(BulkItem::source).toArray()));
        ps.setArray(2, c.createArrayOf("text", items.stream().map(BulkItem::externalId).toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            StoredRevenueLine line = row(rs);
            result.put(line.source() + "\u0000" + line.externalId(), line);
          }
        }
      }
      return result;
    });
  }

  public void insert(List<StoredRevenueLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("insert into revenue_line (source, external_id, account_id, ref_account_id,"
                  + " ref_source, ref_external_id, line_date, product_line, amount, voided)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (StoredRevenueLine l : lines) {
          ps.setString(1, l.source());
          ps.setString(2, l.externalId());
          bind(ps, 3, l);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  public void update(List<StoredRevenueLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("update revenue_line set account_id = ?, ref_account_id = ?, ref_source = ?,"
                  + " ref_external_id = ?, line_date = ?, product_line = ?, amount = ?, voided = ?,"
                  + " updated_at = now() where id = ?")) {
        for (StoredRevenueLine l : lines) {
          bind(ps, 1, l);
          ps.setLong(9, l.id());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /**
   * Attaches the pending lines that name the account (by its id or its external reference) to
   * it and returns them: they count from now on.
   */
  public List<StoredRevenueLine> resolvePending(UUID accountId, String source, String externalId) {
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("update revenue_line l set account_id = ?, updated_at = now()"
                  + " where l.account_id is null and not l.voided and (l.ref_account_id = ?"
                  + " or (l.ref_source = ? and l.ref_external_id = ?)) returning " + COLUMNS)) {
        ps.setObject(1, accountId);
        ps.setObject(2, accountId);
        ps.setString(3, source);
        ps.setString(4, externalId);
        List<StoredRevenueLine> lines = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lines.add(row(rs));
          }
        }
        return lines;
      }
    });
  }

  /**
   * Live lines in (date, id) order after the given position; filters are optional. Lines of an
   * account still pending are listed under the account id they named.
   */
  public List<StoredRevenueLine> page(
      UUID accountId, LocalDate from, LocalDate to, LocalDate afterDate, Long afterId, int limit) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from revenue_line l where not l.voided");
    List<Object> args = new ArrayList<>();
    if (accountId != null) {
      sql.append(" and (l.account_id = ? or (l.account_id is null and l.ref_account_id = ?))");
      args.add(accountId);
      args.add(accountId);
    }
    if (from != null) {
      sql.append(" and l.line_date >= ?");
      args.add(Date.valueOf(from));
    }
    if (to != null) {
      sql.append(" and l.line_date <= ?");
      args.add(Date.valueOf(to));
    }
    if (afterDate != null) {
      sql.append(" and (l.line_date, l.id) > (?, ?)");
      args.add(Date.valueOf(afterDate));
      args.add(afterId);
    }
    sql.append(" order by l.line_date, l.id limit ?");
    args.add(limit);
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        List<StoredRevenueLine> lines = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lines.add(row(rs));
          }
        }
        return lines;
      }
    });
  }

  private static void bind(PreparedStatement ps, int first, StoredRevenueLine l) throws SQLException {
    ps.setObject(first, l.accountId(), Types.OTHER);
    ps.setObject(first + 1, l.ref().id(), Types.OTHER);
    ps.setString(first + 2, l.ref().source());
    ps.setString(first + 3, l.ref().externalId());
    ps.setDate(first + 4, Date.valueOf(l.date()));
    ps.setString(first + 5, l.productLine());
    ps.setBigDecimal(first + 6, l.amount());
    ps.setBoolean(first + 7, l.voided());
  }

  private static StoredRevenueLine row(ResultSet rs) throws SQLException {
    UUID refId = rs.getObject(5, UUID.class);
    AccountRef ref = new AccountRef(refId, rs.getString(6), rs.getString(7));
    return new StoredRevenueLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
        ref, rs.getDate(8).toLocalDate(), rs.getString(9), rs.getBigDecimal(10), rs.getBoolean(11));
  }
}
