package io.kam.kpi.domain.account;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.Row;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts read model, in SQL on the transaction's connection like every repository of this
 * service: ingest and aggregates work on thousands of rows per request.
 */
@ApplicationScoped
public class AccountRepository {

  private static final String COLUMNS =
      "a.id, a.source, a.external_id, a.parent_id, a.owner_id, a.industry, a.country, a.region, a.wallet, a.tier,"
          + " a.account_type, a.deleted, a.name";

  private final Jdbc jdbc;

  public AccountRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<AccountRow> find(UUID id) {
    return jdbc.one(
        "select " + COLUMNS + " from account a where a.id = :id",
        SqlParams.of("id", id),
        AccountRepository::row);
  }

  /** The live accounts among {@code ids}, in one query. */
  public List<AccountRow> findLive(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.list(
        "select " + COLUMNS + " from account a where a.id = any(:ids) and not a.deleted",
        SqlParams.none().array("ids", "uuid", ids),
        AccountRepository::row);
  }

  /** Locks the account's row: snapshots of one account are computed one at a time. */
  public Optional<AccountRow> lock(UUID id) {
    return jdbc.one(
        "select " + COLUMNS + " from account a where a.id = :id for update",
        SqlParams.of("id", id),
        AccountRepository::row);
  }

  /** Locks the live accounts among {@code ids} in id order (no deadlock between batches). */
  public List<AccountRow> lockLive(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.list(
        "select "
            + COLUMNS
            + " from account a where a.id = any(:ids) and not a.deleted"
            + " order by a.id for update",
        SqlParams.none().array("ids", "uuid", ids),
        AccountRepository::row);
  }

  /**
   * The next live accounts (in id order) whose snapshot was not yet recomputed for {@code
   * computedMonth}, locked; rows another instance holds are skipped.
   */
  public List<AccountRow> lockStale(YearMonth computedMonth, int limit) {
    return jdbc.list(
        "select "
            + COLUMNS
            + " from account a left join kpi_snapshot s on s.account_id = a.id"
            + " where not a.deleted and (s.account_id is null or s.computed_month <> :month)"
            + " order by a.id limit :limit for update of a skip locked",
        SqlParams.of("month", computedMonth, "limit", limit),
        AccountRepository::row);
  }

  /** The account and its current live descendants (a cycle, should one ever arrive, ends). */
  public List<UUID> subtree(UUID id) {
    return jdbc.list(
        "with recursive t(id) as (select id from account where id = :id and not deleted"
            + " union select a.id from account a join t on a.parent_id = t.id where not a.deleted)"
            + " select id from t",
        SqlParams.of("id", id),
        r -> r.uuid("id"));
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
    if (!ids.isEmpty()) {
      jdbc.list(
          "select id, deleted from account where id = any(:ids)",
          SqlParams.none().array("ids", "uuid", ids),
          r ->
              result.put(
                  AccountRef.byId(r.uuid("id")), new Resolution(r.uuid("id"), r.bool("deleted"))));
    }
    if (!sources.isEmpty()) {
      // A live account wins over deleted ones with the same reference.
      jdbc.list(
          "select a.source, a.external_id, a.id, a.deleted"
              + " from unnest(:sources::text[], :externalIds::text[]) r(source, external_id)"
              + " join account a on a.source = r.source and a.external_id = r.external_id order by a.deleted desc",
          SqlParams.none()
              .array("sources", "text", sources)
              .array("externalIds", "text", externalIds),
          r ->
              result.put(
                  AccountRef.byExternal(r.string("source"), r.string("external_id")),
                  new Resolution(r.uuid("id"), r.bool("deleted"))));
    }
    return result;
  }

  /**
   * Serializes "is this account known?" between an ingest that is about to store pending items and
   * the event that makes the account known, so no item stays pending forever.
   */
  public void lockReferences(Collection<AccountRef> refs) {
    if (refs.isEmpty()) {
      return;
    }
    jdbc.execute(
        "select pg_advisory_xact_lock(h) from (select distinct hashtextextended(k, 7) h"
            + " from unnest(:keys::text[]) k order by 1) x",
        SqlParams.none()
            .array("keys", "text", refs.stream().map(AccountRef::lockKey).sorted().toList()));
  }

  public void upsert(AccountRow a) {
    jdbc.update(
        "insert into account (id, source, external_id, parent_id, owner_id, industry, country, region,"
            + " wallet, name, deleted) values (:id, :source, :externalId, :parentId, :ownerId, :industry, :country,"
            + " :region, :wallet, :name, false) on conflict (id) do update set source = excluded.source,"
            + " external_id = excluded.external_id, parent_id = excluded.parent_id, owner_id = excluded.owner_id,"
            + " industry = excluded.industry, country = excluded.country, region = excluded.region,"
            + " wallet = excluded.wallet, name = excluded.name, updated_at = now()",
        SqlParams.of(
            "id",
            a.id(),
            "source",
            a.source(),
            "externalId",
            a.externalId(),
            "parentId",
            a.parentId(),
            "ownerId",
            a.ownerId(),
            "industry",
            a.industry(),
            "country",
            a.country(),
            "region",
            a.region(),
            "wallet",
            a.wallet(),
            "name",
            a.name()));
  }

  public void markDeleted(UUID id) {
    jdbc.update(
        "update account set deleted = true, updated_at = now() where id = :id",
        SqlParams.of("id", id));
  }

  public void setScore(UUID id, String tier, String type) {
    jdbc.update(
        "update account set tier = :tier, account_type = :type, updated_at = now() where id = :id",
        SqlParams.of("tier", tier, "type", type, "id", id));
  }

  private static AccountRow row(Row r) throws SQLException {
    return new AccountRow(
        r.uuid("id"),
        r.string("source"),
        r.string("external_id"),
        r.uuid("parent_id"),
        r.string("owner_id"),
        r.string("industry"),
        r.string("country"),
        r.string("region"),
        r.decimal("wallet"),
        r.string("tier"),
        r.string("account_type"),
        r.bool("deleted"),
        r.string("name"));
  }
}
