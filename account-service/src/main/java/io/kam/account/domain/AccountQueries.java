package io.kam.account.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Lists (keyset pages: no offsets, stable while others insert) and the hierarchy around an account.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountQueries {

  /** One account of a hierarchy answer: depth counts from the account asked about. */
  @Schema(name = "AccountHierarchyNode")
  public record Node(UUID id, String name, UUID parentId, int depth) {}

  /** Ancestors nearest first, up to the root; descendants by depth, then name. */
  @Schema(name = "AccountHierarchy")
  public record Tree(AccountView account, List<Node> ancestors, List<Node> descendants) {}

  private final Jdbc jdbc;
  private final ObjectMapper json;
  private final AccountService accounts;

  public AccountQueries(Jdbc jdbc, ObjectMapper json, AccountService accounts) {
    this.jdbc = jdbc;
    this.json = json;
    this.accounts = accounts;
  }

  /**
   * Up to {@code limit} accounts after the position ({@code afterKey}, {@code afterId}), both null
   * at the start.
   */
  public List<AccountView> list(
      AccountFilter f, AccountSort sort, String afterKey, UUID afterId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select " + AccountRows.COLUMNS + " from account where deleted_at is null");
    SqlParams params = SqlParams.none();
    if (f.q() != null && !f.q().isBlank()) {
      sql.append(" and search_name like :q escape '\\'");
      params.set(
          "q",
          "%"
              + SearchText.of(f.q().trim())
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%");
    }
    if (f.memberId() != null) {
      // The owner index and the team's GIN index (jsonb_path_ops) answer the two sides together.
      sql.append(
          " and (owner_id = :member or team @> jsonb_build_array(jsonb_build_object('userId',"
              + " :member::text)))");
      params.set("member", f.memberId());
    }
    eq(sql, params, "owner_id", f.ownerId());
    eq(sql, params, "parent_id", f.parentId());
    eq(sql, params, "industry", f.industry());
    eq(sql, params, "country", f.country());
    eq(sql, params, "region", f.region());
    eq(sql, params, "lifecycle", f.lifecycle() == null ? null : f.lifecycle().name());
    eq(
        sql,
        params,
        "relationship_stage",
        f.relationshipStage() == null ? null : f.relationshipStage().name());
    eq(sql, params, "source", f.source());
    eq(sql, params, "external_id", f.externalId());
    if (afterId != null) {
      sql.append(" and (")
          .append(sort.column)
          .append(", id) ")
          .append(sort.descending ? "<" : ">")
          .append(sort.isTime() ? " (:afterKey::timestamptz, :afterId)" : " (:afterKey, :afterId)");
      params.set("afterKey", afterKey).set("afterId", afterId);
    }
    String dir = sort.descending ? " desc" : "";
    sql.append(" order by ")
        .append(sort.column)
        .append(dir)
        .append(", id")
        .append(dir)
        .append(" limit :limit");
    params.set("limit", limit);
    return jdbc.list(sql.toString(), params, row -> AccountView.of(AccountRows.read(row, json)));
  }

  public Tree tree(UUID id) {
    AccountView account = accounts.get(id);
    String up =
        "with recursive up(id, name, parent_id, depth) as (select id, name, parent_id, 0 from account where id = :id"
            + " union all select a.id, a.name, a.parent_id, up.depth - 1 from account a join up on a.id = up.parent_id)"
            + " cycle id set looped using path"
            + " select id, name, parent_id, depth from up where depth < 0 and not looped order by depth desc";
    String down =
        "with recursive down(id, name, parent_id, depth) as (select id, name, parent_id, 0 from account where id = :id"
            + " union all select a.id, a.name, a.parent_id, down.depth + 1 from account a join down"
            + " on a.parent_id = down.id where a.deleted_at is null)"
            + " cycle id set looped using path"
            + " select id, name, parent_id, depth from down where depth > 0 and not looped order by depth, name, id";
    return new Tree(account, nodes(up, id), nodes(down, id));
  }

  private List<Node> nodes(String sql, UUID id) {
    return jdbc.list(
        sql,
        SqlParams.of("id", id),
        row ->
            new Node(
                row.uuid("id"), row.string("name"), row.uuid("parent_id"), row.intValue("depth")));
  }

  private static void eq(StringBuilder sql, SqlParams params, String column, Object value) {
    if (value != null) {
      sql.append(" and ").append(column).append(" = :").append(column);
      params.set(column, value);
    }
  }
}
