package io.kam.scoring.domain;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.Row;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The set-based reads and writes of one rescoring batch, so a batch costs a handful of round trips
 * whatever its size: the accounts in one locked query, then the touched accounts, their
 * computed-tier changes and their history entries in one statement each ({@code unnest} of arrays),
 * then the events of the changed accounts in one outbox call. The numbers are computed in Java by
 * {@link Scorer#evaluate}, exactly as the live path does; only the writing is batched.
 */
@ApplicationScoped
public class RescoringBatch {

  private static final String SELECT = "select * from account where has_snapshot and not deleted";

  private final Jdbc jdbc;
  private final Scorer scorer;
  private final ScoreEvents events;

  public RescoringBatch(Jdbc jdbc, Scorer scorer, ScoreEvents events) {
    this.jdbc = jdbc;
    this.scorer = scorer;
    this.events = events;
  }

  /**
   * The next {@code limit} accounts with a snapshot after {@code after} (null: from the start), in
   * id order, locked until the batch commits (live events of these accounts wait for it).
   */
  public List<Account> lockNext(UUID after, int limit) {
    String sql =
        SELECT + (after == null ? "" : " and id > :after") + " order by id limit :limit for update";
    return jdbc.list(sql, SqlParams.of("after", after, "limit", limit), RescoringBatch::account);
  }

  /** Writes the outcomes of {@link Scorer#evaluate} of one batch, stamped {@code now}. */
  public void write(List<ScoreOutcome> outcomes, Instant now) {
    List<Account> touched = new ArrayList<>();
    List<Account> tierChanged = new ArrayList<>();
    List<ScoreHistoryEntry> history = new ArrayList<>();
    for (ScoreOutcome o : outcomes) {
      if (o.touched()) {
        touched.add(o.account());
      }
      if (o.tierChanged()) {
        tierChanged.add(o.account());
      }
      if (o.history()) {
        history.add(scorer.historyEntry(o.account(), o.cause()));
      }
    }
    updateAccounts(touched);
    if (!tierChanged.isEmpty()) {
      SqlParams p = SqlParams.of("now", now);
      text(p, "account", tierChanged, a -> a.id);
      text(p, "tier", tierChanged, a -> a.computedTier);
      jdbc.update(
          "insert into computed_tier_change (account_id, at, tier)"
              + " select t.account::uuid, :now, t.tier from unnest(:account::text[], :tier::text[])"
              + " as t(account, tier)",
          p);
    }
    insertHistory(history, now);
    events.changedAll(outcomes);
  }

  /** Every score and designation column from the (locked) account objects, one statement. */
  private void updateAccounts(List<Account> accounts) {
    if (accounts.isEmpty()) {
      return;
    }
    SqlParams p = SqlParams.none();
    text(p, "id", accounts, a -> a.id);
    text(p, "scored", accounts, a -> a.scored);
    text(p, "score", accounts, a -> plain(a.score));
    text(p, "ctier", accounts, a -> a.computedTier);
    text(p, "tier", accounts, a -> a.tier);
    text(p, "type", accounts, a -> a.type);
    text(p, "risk", accounts, a -> a.risk);
    text(p, "reasons", accounts, a -> a.riskReasons);
    text(p, "coverage", accounts, a -> plain(a.coverage));
    text(p, "version", accounts, a -> a.modelVersion);
    text(p, "breakdown", accounts, a -> a.breakdown);
    text(p, "computed", accounts, a -> a.computedAt);
    text(p, "dtier", accounts, a -> a.designationTier);
    text(p, "dreason", accounts, a -> a.designationReason);
    text(p, "dends", accounts, a -> a.designationEndsOn);
    text(p, "dby", accounts, a -> a.designationBy);
    text(p, "dat", accounts, a -> a.designationAt);
    jdbc.update(
        "update account a set scored = t.scored::boolean, score = t.score::numeric,"
            + " computed_tier = t.ctier, tier = t.tier, type = t.type, risk = t.risk,"
            + " risk_reasons = t.reasons, coverage = t.coverage::numeric,"
            + " model_version = t.version::integer, breakdown = t.breakdown,"
            + " computed_at = t.computed::timestamptz, designation_tier = t.dtier,"
            + " designation_reason = t.dreason, designation_ends_on = t.dends::date,"
            + " designation_by = t.dby, designation_at = t.dat::timestamptz,"
            + " row_version = a.row_version + 1"
            + " from unnest(:id::text[], :scored::text[], :score::text[], :ctier::text[],"
            + " :tier::text[], :type::text[], :risk::text[], :reasons::text[], :coverage::text[],"
            + " :version::text[], :breakdown::text[], :computed::text[], :dtier::text[],"
            + " :dreason::text[], :dends::text[], :dby::text[], :dat::text[])"
            + " as t(id, scored, score, ctier, tier, type, risk, reasons, coverage, version,"
            + " breakdown, computed, dtier, dreason, dends, dby, dat)"
            + " where a.id = t.id::uuid",
        p);
  }

  private void insertHistory(List<ScoreHistoryEntry> entries, Instant now) {
    if (entries.isEmpty()) {
      return;
    }
    SqlParams p = SqlParams.of("now", now);
    text(p, "account", entries, h -> h.accountId);
    text(p, "cause", entries, h -> h.cause);
    text(p, "score", entries, h -> plain(h.score));
    text(p, "ctier", entries, h -> h.computedTier);
    text(p, "tier", entries, h -> h.tier);
    text(p, "type", entries, h -> h.type);
    text(p, "risk", entries, h -> h.risk);
    text(p, "reasons", entries, h -> h.riskReasons);
    text(p, "coverage", entries, h -> plain(h.coverage));
    text(p, "version", entries, h -> h.modelVersion);
    text(p, "breakdown", entries, h -> h.breakdown);
    text(p, "designation", entries, h -> h.designation);
    jdbc.update(
        "insert into score_history (account_id, at, cause, score, computed_tier, tier, type, risk,"
            + " risk_reasons, coverage, model_version, breakdown, designation)"
            + " select t.account::uuid, :now, t.cause, t.score::numeric, t.ctier, t.tier, t.type,"
            + " t.risk, t.reasons, t.coverage::numeric, t.version::integer, t.breakdown,"
            + " t.designation from unnest(:account::text[], :cause::text[], :score::text[],"
            + " :ctier::text[], :tier::text[], :type::text[], :risk::text[], :reasons::text[],"
            + " :coverage::text[], :version::text[], :breakdown::text[], :designation::text[])"
            + " with ordinality as t(account, cause, score, ctier, tier, type, risk, reasons,"
            + " coverage, version, breakdown, designation, n) order by t.n",
        p);
  }

  /**
   * A column as a text array: every value by its canonical text (ISO instants and dates, plain
   * decimals), cast back in SQL, so one array type carries every column.
   */
  private static <T> void text(SqlParams p, String name, List<T> rows, Function<T, Object> value) {
    List<String> column = new ArrayList<>(rows.size());
    for (T row : rows) {
      Object v = value.apply(row);
      column.add(v == null ? null : v.toString());
    }
    p.array(name, "text", column);
  }

  private static String plain(BigDecimal d) {
    return d == null ? null : d.toPlainString();
  }

  private static Account account(Row r) throws SQLException {
    Account a = new Account();
    a.id = r.uuid("id");
    a.name = r.string("name");
    a.ownerId = r.string("owner_id");
    a.deleted = r.bool("deleted");
    a.strategicAlignment = r.intValue("strategic_alignment");
    a.marketInfluence = r.intValue("market_influence");
    a.fit = r.intValue("fit");
    a.partnership = r.intValue("partnership");
    a.hasSnapshot = r.bool("has_snapshot");
    a.asOfMonth = r.string("as_of_month");
    a.t12mRevenue = r.decimal("t12m_revenue");
    a.t12mGrowth = r.decimal("t12m_growth");
    a.last3mGrowth = r.decimal("last3m_growth");
    a.shareOfWallet = r.decimal("share_of_wallet");
    a.npsT12m = r.decimal("nps_t12m");
    a.csatT12m = r.decimal("csat_t12m");
    a.crossSellCount = r.intValue("cross_sell_count");
    a.scored = r.bool("scored");
    a.score = r.decimal("score");
    a.computedTier = r.string("computed_tier");
    a.tier = r.string("tier");
    a.type = r.string("type");
    a.risk = r.string("risk");
    a.riskReasons = r.string("risk_reasons");
    a.coverage = r.decimal("coverage");
    a.modelVersion = r.intValue("model_version");
    a.breakdown = r.string("breakdown");
    a.computedAt = r.instant("computed_at");
    a.designationTier = r.string("designation_tier");
    a.designationReason = r.string("designation_reason");
    a.designationEndsOn = r.date("designation_ends_on");
    a.designationBy = r.string("designation_by");
    a.designationAt = r.instant("designation_at");
    a.rowVersion = r.longValue("row_version");
    return a;
  }
}
