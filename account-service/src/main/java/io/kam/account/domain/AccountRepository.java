package io.kam.account.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads of accounts in plain SQL (set-based, so a batch of 1000 is one query) and the locks
 * that serialize writers where a check spans rows: external keys and the hierarchy.
 */
@ApplicationScoped
public class AccountRepository {

  /** Any constant: held by every writer that changes parents or deletes, so checks see a stable tree. */
  private static final long HIERARCHY_LOCK = 0x6b616d0001L;

  private final AgroalDataSource dataSource;
  private final ObjectMapper json;

  public AccountRepository(AgroalDataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /** True also for deleted accounts: their history stays readable. */
  public boolean existedEver(UUID id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select 1 from account where id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw Sql.failure("account lookup failed", e);
    }
  }

  /** Live accounts by external key, locked for the rest of the transaction. */
  public Map<ExternalRef, Account> findByRefsForUpdate(Collection<ExternalRef> refs) {
    Map<ExternalRef, Account> out = new HashMap<>();
    if (refs.isEmpty()) {
      return out;
    }
    String sql =
        "select " + AccountRows.COLUMNS + " from account where deleted_at is null and (source, external_id) in"
            + " (select * from unnest(?::text[], ?::text[])) for update";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bindRefs(c, ps, refs);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Account a = AccountRows.read(rs, json);
          out.put(new ExternalRef(a.data().source(), a.data().externalId()), a);
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.failure("accounts by key could not be read", e);
    }
  }

  public Map<ExternalRef, UUID> idsByRefs(Collection<ExternalRef> refs) {
    Map<ExternalRef, UUID> out = new HashMap<>();
    if (refs.isEmpty()) {
      return out;
    }
    String sql =
        "select id, source, external_id from account where deleted_at is null and (source, external_id) in"
            + " (select * from unnest(?::text[], ?::text[]))";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bindRefs(c, ps, refs);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(new ExternalRef(rs.getString(2), rs.getString(3)), Sql.uuid(rs, "id"));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.failure("account ids by key could not be read", e);
    }
  }

  /** Which of {@code ids} are live accounts. */
  public Set<UUID> live(Collection<UUID> ids) {
    return uuidSet("select id from account where id = any(?) and deleted_at is null", ids);
  }

  /** Child -> parent for {@code ids} and all their ancestors (one recursive query). */
  public Map<UUID, UUID> ancestry(Collection<UUID> ids) {
    Map<UUID, UUID> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    String sql =
        "with recursive up(id, parent_id) as (select id, parent_id from account where id = any(?)"
            + " union select a.id, a.parent_id from account a join up on a.id = up.parent_id)"
            + " select id, parent_id from up";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(Sql.uuid(rs, "id"), Sql.uuid(rs, "parent_id"));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.failure("ancestry could not be read", e);
    }
  }

  /** Live children of each of {@code parents}. */
  public Map<UUID, List<UUID>> childrenOf(Collection<UUID> parents) {
    Map<UUID, List<UUID>> out = new HashMap<>();
    if (parents.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select id, parent_id from account where parent_id = any(?) and deleted_at is null")) {
      ps.setArray(1, c.createArrayOf("uuid", parents.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(Sql.uuid(rs, "parent_id"), k -> new ArrayList<>()).add(Sql.uuid(rs, "id"));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.failure("children could not be read", e);
    }
  }

  /**
   * Transaction-scoped locks on external keys, taken in one statement in a fixed order so two
   * writers of overlapping batches never deadlock; concurrent creates of one key serialize.
   */
  public void lockRefs(Collection<ExternalRef> refs) {
    if (refs.isEmpty()) {
      return;
    }
    String sql =
        "select pg_advisory_xact_lock(h) from (select distinct hashtextextended(s || chr(31) || e, 7) as h"
            + " from unnest(?::text[], ?::text[]) as r(s, e) order by 1) k";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bindRefs(c, ps, refs);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          // each row is one lock taken
        }
      }
    } catch (SQLException e) {
      throw Sql.failure("external keys could not be locked", e);
    }
  }

  public void lockHierarchy() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
      ps.setLong(1, HIERARCHY_LOCK);
      ps.executeQuery().close();
    } catch (SQLException e) {
      throw Sql.failure("the hierarchy could not be locked", e);
    }
  }

  private Set<UUID> uuidSet(String sql, Collection<UUID> ids) {
    Set<UUID> out = new HashSet<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Sql.uuid(rs, "id"));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.failure("accounts could not be read", e);
    }
  }

  private static void bindRefs(Connection c, PreparedStatement ps, Collection<ExternalRef> refs) throws SQLException {
    ps.setArray(1, c.createArrayOf("text", refs.stream().map(ExternalRef::source).toArray()));
    ps.setArray(2, c.createArrayOf("text", refs.stream().map(ExternalRef::externalId).toArray()));
  }
}
