package io.kam.kpi.domain.ingest;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.Row;
import io.kam.chassis.sql.RowMapper;
import io.kam.chassis.sql.SqlParams;
import io.kam.kpi.domain.account.AccountRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The SQL every bulk item table shares, written once from the kind's table and own columns: lock by
 * upsert keys, insert, update, attach the pending items of an account that became known.
 */
final class BulkTable<S extends StoredItem<S>> {

  /** The columns every item table has besides {@code id}. */
  static final List<String> COMMON =
      List.of(
          "source",
          "external_id",
          "account_id",
          "ref_account_id",
          "ref_source",
          "ref_external_id",
          "voided");

  private final Jdbc jdbc;
  private final BulkKind<?, S> kind;
  private final String select;
  private final String insert;
  private final String update;
  private final RowMapper<S> mapper;

  BulkTable(Jdbc jdbc, BulkKind<?, S> kind) {
    this.jdbc = jdbc;
    this.kind = kind;
    List<String> columns = new ArrayList<>(COMMON);
    columns.addAll(kind.ownColumns());
    this.select = "t.id, " + columns.stream().map(c -> "t." + c).collect(Collectors.joining(", "));
    this.insert =
        "insert into "
            + kind.table()
            + " ("
            + String.join(", ", columns)
            + ") values ("
            + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", "))
            + ")";
    this.update =
        "update "
            + kind.table()
            + " set "
            + columns.stream()
                .filter(c -> !c.equals("source") && !c.equals("external_id"))
                .map(c -> c + " = :" + c)
                .collect(Collectors.joining(", "))
            + ", updated_at = now() where id = :id";
    this.mapper = this::row;
  }

  /**
   * The columns to select from the table aliased {@code t}, in the shape {@link #mapper()} reads.
   */
  String selectColumns() {
    return select;
  }

  RowMapper<S> mapper() {
    return mapper;
  }

  /** The stored items of these keys, locked in key order, by {@link StoredItem#key()}. */
  Map<String, S> lockByKeys(Collection<? extends BulkItem> items) {
    Map<String, S> result = new HashMap<>();
    if (items.isEmpty()) {
      return result;
    }
    SqlParams keys =
        SqlParams.none()
            .array("sources", "text", items.stream().map(BulkItem::source).toList())
            .array("externalIds", "text", items.stream().map(BulkItem::externalId).toList());
    for (S item :
        jdbc.list(
            "select "
                + select
                + " from unnest(:sources::text[], :externalIds::text[])"
                + " k(source, external_id) join "
                + kind.table()
                + " t on t.source = k.source"
                + " and t.external_id = k.external_id order by t.source, t.external_id for update of t",
            keys,
            mapper)) {
      result.put(item.key(), item);
    }
    return result;
  }

  void insert(List<S> items) {
    jdbc.batch(insert, items, this::bind);
  }

  void update(List<S> items) {
    jdbc.batch(
        update,
        items,
        (item, p) -> {
          bind(item, p);
          p.set("id", item.id());
        });
  }

  /** Live items still waiting for their account, in arrival (id) order after {@code afterId}. */
  List<S> pending(Long afterId, int limit) {
    return jdbc.list(
        "select "
            + select
            + " from "
            + kind.table()
            + " t where t.account_id is null and not t.voided and t.id > :afterId"
            + " order by t.id limit :limit",
        SqlParams.of("afterId", afterId == null ? 0L : afterId, "limit", limit),
        mapper);
  }

  /** Attaches the pending items naming the account (by its id or its external reference). */
  List<S> resolvePending(UUID accountId, String source, String externalId) {
    return jdbc.list(
        "update "
            + kind.table()
            + " t set account_id = :accountId, updated_at = now()"
            + " where t.account_id is null and not t.voided and (t.ref_account_id = :accountId"
            + " or (t.ref_source = :source and t.ref_external_id = :externalId)) returning "
            + select,
        SqlParams.of("accountId", accountId, "source", source, "externalId", externalId),
        mapper);
  }

  private void bind(S item, SqlParams p) {
    p.set("source", item.source())
        .set("external_id", item.externalId())
        .set("account_id", item.accountId())
        .set("ref_account_id", item.ref().id())
        .set("ref_source", item.ref().source())
        .set("ref_external_id", item.ref().externalId())
        .set("voided", item.voided());
    kind.bindOwn(item, p);
  }

  private S row(Row r) throws java.sql.SQLException {
    AccountRef ref =
        new AccountRef(
            r.uuid("ref_account_id"), r.string("ref_source"), r.string("ref_external_id"));
    return kind.read(
        new StoredItem.Common(
            r.longValue("id"),
            r.string("source"),
            r.string("external_id"),
            r.uuid("account_id"),
            ref,
            r.bool("voided")),
        r);
  }
}
