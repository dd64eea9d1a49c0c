package io.kam.account.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Lists (keyset pages: no offsets, stable while others insert) and the hierarchy around an account. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountQueries {

  /** One account of a hierarchy answer: depth counts from the account asked about. */
  public record Node(UUID id, String name, UUID parentId, int depth) {}

  /** Ancestors nearest first, up to the root; descendants by depth, then name. */
  public record Tree(AccountView account, List<Node> ancestors, List<Node> descendants) {}

  private final AgroalDataSource dataSource;
  private final ObjectMapper json;
  private final AccountService accounts;

  public AccountQueries(AgroalDataSource dataSource, ObjectMapper json, AccountService accounts) {
    this.dataSource = dataSource;
    this.json = json;
    this.accounts = accounts;
  }

  /** Up to {@code limit} accounts after the position ({@code afterKey}, {@code afterId}), both null at the start. */
  public List<AccountView> list(AccountFilter f, AccountSort sort, String afterKey, UUID afterId, int limit) {
    StringBuilder sql = new StringBuilder("select " + AccountRows.COLUMNS + " from account where deleted_at is null");
    List<Object> params = new ArrayList<>();
    if (f.q() != null && !f.q().isBlank()) {
      sql.append(" and search_name like ? escape '\\'");
      params.add("%" + SearchText.of(f.q().trim()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    eq(sql, params, "owner_id", f.ownerId());
    eq(sql, params, "parent_id", f.parentId());
    eq(sql, params, "industry", f.industry());
    eq(sql, params, "country", f.country());
    eq(sql, params, "region", f.region());
    eq(sql, params, "lifecycle", f.lifecycle() == null ? null : f.lifecycle().name());
    eq(sql, params, "relationship_stage", f.relationshipStage() == null ? null : f.relationshipStage().name());
    eq(sql, params, "source", f.source());
    eq(sql, params, "external_id", f.externalId());
    if (afterId != null) {
      sql.append(" and (").append(sort.column).append(", id) ").append(sort.descending ? "<" : ">")
          .append(sort.isTime() ? " (?::timestamptz, ?)" : " (?, ?)");
      params.add(afterKey);
      params.add(afterId);
    }
    String dir = sort.descending ? " desc" : "";
    sql.append(" order by ").append(sort.column).append(dir).append(", id").append(dir).append(" limit ?");
    params.add(limit);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      List<AccountView> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(AccountView.of(AccountRows.read(rs, json)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.failure("accounts could not be listed", e);
    }
  }

  public Tree tree(UUID id) {
    AccountView account = accounts.get(id);
    String up =
        "with recursive up(id, name, parent_id, depth) as (select id, name, parent_id, 0 from account where id = ?"
            + " union all select a.id, a.name, a.parent_id, up.depth - 1 from account a join up on a.id = up.parent_id)"
            + " cycle id set looped using path"
            + " select id, name, parent_id, depth from up where depth < 0 and not looped order by depth desc";
    String down =
        "with recursive down(id, name, parent_id, depth) as (select id, name, parent_id, 0 from account where id = ?"
            + " union all select a.id, a.name, a.parent_id, down.depth + 1 from account a join down"
            + " on a.parent_id = down.id where a.deleted_at is null)"
            + " cycle id set looped using path"
            + " select id, name, parent_id, depth from down where depth > 0 and not looped order by depth, name, id";
    return new Tree(account, nodes(up, id), nodes(down, id));
  }

  private List<Node> nodes(String sql, UUID id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      List<Node> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Node(Sql.uuid(rs, "id"), rs.getString("name"), Sql.uuid(rs, "parent_id"), rs.getInt("depth")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.failure("hierarchy could not be read", e);
    }
  }

  private static void eq(StringBuilder sql, List<Object> params, String column, Object value) {
    if (value != null) {
      sql.append(" and ").append(column).append(" = ?");
      params.add(value);
    }
  }
}
