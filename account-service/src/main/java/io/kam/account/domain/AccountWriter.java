package io.kam.account.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * The one write path of accounts' trail, for a single change as for a sync batch of 1000: history,
 * events and change-feed entries, each kind in one set-based statement (events go through the
 * chassis outbox, one call per event), all in the caller's transaction. A sync batch writes its
 * rows here too, in one statement ({@link #write}); a single account's row is written by Hibernate
 * before its trail ({@link #writeTrail}).
 */
@ApplicationScoped
public class AccountWriter {

  /**
   * Held from the change-feed insert to commit: feed ids are therefore handed out in commit order.
   */
  static final long CHANGE_FEED_LOCK = 0x6b616d0002L;

  private static final int ACCOUNT_COLUMNS = 25;
  private static final String UPSERT =
      "insert into account (id, source, external_id, name, search_name, industry, country, region, website,"
          + " employees, lifecycle, owner_id, team, relationship_stage, strategic_alignment, market_influence, fit,"
          + " partnership, potential_annual_spend, parent_id, assessed_at, created_at, updated_at, deleted_at,"
          + " version) select v.id::uuid, v.source, v.external_id, v.name, v.search_name, v.industry, v.country, v.region,"
          + " v.website, v.employees::int, v.lifecycle, v.owner_id, v.team::jsonb, v.stage, v.sa::smallint,"
          + " v.mi::smallint, v.fit::smallint, v.pa::smallint, v.spend::numeric, v.parent_id::uuid, v.assessed_at::date,"
          + " v.created_at::timestamptz, v.updated_at::timestamptz, v.deleted_at::timestamptz, v.version::bigint"
          + " from "
          + TextColumns.unnest(ACCOUNT_COLUMNS)
          + " as v(id, source, external_id, name, search_name, industry,"
          + " country, region, website, employees, lifecycle, owner_id, team, stage, sa, mi, fit, pa, spend,"
          + " parent_id, assessed_at, created_at, updated_at, deleted_at, version)"
          + " on conflict (id) do update set source = excluded.source, external_id = excluded.external_id,"
          + " name = excluded.name, search_name = excluded.search_name, industry = excluded.industry,"
          + " country = excluded.country, region = excluded.region, website = excluded.website,"
          + " employees = excluded.employees, lifecycle = excluded.lifecycle, owner_id = excluded.owner_id,"
          + " team = excluded.team, relationship_stage = excluded.relationship_stage,"
          + " strategic_alignment = excluded.strategic_alignment, market_influence = excluded.market_influence,"
          + " fit = excluded.fit, partnership = excluded.partnership,"
          + " potential_annual_spend = excluded.potential_annual_spend, parent_id = excluded.parent_id, assessed_at = excluded.assessed_at,"
          + " updated_at = excluded.updated_at, deleted_at = excluded.deleted_at, version = excluded.version";
  private static final String HISTORY =
      "insert into account_history (account_id, changed_at, origin, field, old_value, new_value)"
          + " select v.a::uuid, v.t::timestamptz, v.o, v.f, v.old::jsonb, v.new::jsonb from "
          + TextColumns.unnest(6)
          + " as v(a, t, o, f, old, new)";
  private static final String FEED =
      "insert into account_change (account_id, operation, source, external_id, origin, changed_at, version, state)"
          + " select v.a::uuid, v.op, v.s, v.e, v.o, v.t::timestamptz, v.ver::bigint, v.st::jsonb from "
          + TextColumns.unnest(8)
          + " as v(a, op, s, e, o, t, ver, st)";

  private final Jdbc jdbc;
  private final ObjectMapper json;
  private final AccountEvents events;

  public AccountWriter(Jdbc jdbc, ObjectMapper json, AccountEvents events) {
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
  }

  /** Rows, history, events and feed of a batch of changes. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void write(List<AccountChange> changes, String origin) {
    write(changes, origin, true);
  }

  /**
   * History, events and feed of changes whose rows are already written (and flushed) in this
   * transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void writeTrail(List<AccountChange> changes, String origin) {
    write(changes, origin, false);
  }

  private void write(List<AccountChange> changes, String origin, boolean rows) {
    if (changes.isEmpty()) {
      return;
    }
    long t0 = System.nanoTime();
    if (rows) {
      execute(UPSERT, rows(changes));
    }
    long t1 = System.nanoTime();
    execute(HISTORY, history(changes, origin));
    long t2 = System.nanoTime();
    events.publishAll(changes);
    long t3 = System.nanoTime();
    // Last statement before commit: the lock is held only for the feed insert and the commit.
    jdbc.execute("select pg_advisory_xact_lock(:key)", SqlParams.of("key", CHANGE_FEED_LOCK));
    execute(FEED, feed(changes, origin));
    Log.debugf(
        "wrote %d account changes: rows %d ms, history %d ms, events %d ms, feed %d ms",
        changes.size(),
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000,
        (System.nanoTime() - t3) / 1_000_000);
  }

  private void execute(String sql, TextColumns columns) {
    if (columns.size() > 0) {
      jdbc.update(sql, columns.params());
    }
  }

  private TextColumns rows(List<AccountChange> changes) {
    TextColumns cols = new TextColumns(ACCOUNT_COLUMNS);
    for (AccountChange ch : changes) {
      Account a = ch.after();
      AccountData d = a.data();
      cols.row(
          a.id(),
          d.source(),
          d.externalId(),
          d.name(),
          SearchText.of(d.name()),
          d.industry(),
          d.country(),
          d.region(),
          d.website(),
          d.employees(),
          d.lifecycle(),
          d.ownerId(),
          toJson(d.team()),
          d.relationshipStage(),
          d.assessment().strategicAlignment(),
          d.assessment().marketInfluence(),
          d.assessment().fit(),
          d.assessment().partnership(),
          d.potentialAnnualSpend() == null ? null : d.potentialAnnualSpend().toPlainString(),
          d.parentId(),
          d.assessedAt(),
          a.createdAt(),
          a.updatedAt(),
          ch.deletedAt(),
          a.version());
    }
    return cols;
  }

  private TextColumns history(List<AccountChange> changes, String origin) {
    TextColumns cols = new TextColumns(6);
    for (AccountChange ch : changes) {
      Account a = ch.after();
      if (ch.operation() == AccountChange.Operation.DELETED) {
        cols.row(a.id(), a.updatedAt(), origin, "deleted", "false", "true");
        continue;
      }
      AccountData before = ch.before() == null ? null : ch.before().data();
      for (Map.Entry<String, AccountDiff.Delta> e :
          AccountDiff.between(before, a.data()).entrySet()) {
        cols.row(
            a.id(),
            a.updatedAt(),
            origin,
            e.getKey(),
            toJson(e.getValue().from()),
            toJson(e.getValue().to()));
      }
    }
    return cols;
  }

  private TextColumns feed(List<AccountChange> changes, String origin) {
    TextColumns cols = new TextColumns(8);
    for (AccountChange ch : changes) {
      Account a = ch.after();
      boolean deleted = ch.operation() == AccountChange.Operation.DELETED;
      cols.row(
          a.id(),
          ch.operation(),
          a.data().source(),
          a.data().externalId(),
          origin,
          a.updatedAt(),
          a.version(),
          deleted ? null : toJson(AccountView.of(a)));
    }
    return cols;
  }

  private String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("value is not serializable", e);
    }
  }
}
