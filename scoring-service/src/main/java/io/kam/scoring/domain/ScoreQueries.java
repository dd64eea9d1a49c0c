package io.kam.scoring.domain;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import io.kam.scoring.domain.calc.Thresholds;
import io.kam.scoring.domain.calc.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading scores: one account's, its history, and the ranked portfolio (keyset paging). */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ScoreQueries {

  /** The effective tier, evaluated now: an ended designation no longer counts. */
  private static final String EFFECTIVE_TIER =
      "(case when designation_tier is not null and (designation_ends_on is null"
          + " or designation_ends_on > :today) then designation_tier else computed_tier end)";

  private final AccountRepository accounts;
  private final ScoreHistoryRepository history;
  private final KamClock clock;
  private final MonthEndTiers monthEndTiers;
  private final ModelCatalog models;

  public ScoreQueries(
      AccountRepository accounts,
      ScoreHistoryRepository history,
      KamClock clock,
      MonthEndTiers monthEndTiers,
      ModelCatalog models) {
    this.accounts = accounts;
    this.history = history;
    this.clock = clock;
    this.monthEndTiers = monthEndTiers;
    this.models = models;
  }

  /** The computed tier of each account at the last month end (absent: none), in one query. */
  public Map<UUID, Tier> monthEndTiers(Collection<UUID> ids) {
    return monthEndTiers.of(ids);
  }

  /** The tier thresholds of the model a score was computed with. */
  public Thresholds thresholds(Integer modelVersion) {
    return modelVersion == null ? Thresholds.defaults() : models.thresholds(modelVersion);
  }

  public Account scored(UUID id) {
    Account a = accounts.findById(id);
    if (a == null || a.deleted || !a.scored) {
      throw ProblemException.notFound("no score for account " + id);
    }
    return a;
  }

  public List<ScoreHistoryEntry> history(UUID id, Long beforeId, int limit) {
    scored(id);
    return history.page(id, beforeId, limit);
  }

  public ScoreHistoryEntry entry(UUID id, long entryId) {
    ScoreHistoryEntry h = history.findById(entryId);
    if (h == null || !h.accountId.equals(id)) {
      throw ProblemException.notFound("account " + id + " has no history entry " + entryId);
    }
    return h;
  }

  /** Sort orders of the portfolio; each is total (ties broken by id) for keyset paging. */
  public enum Sort {
    SCORE_DESC("coalesce(score, -1)", true),
    SCORE_ASC("coalesce(score, -1)", false),
    NAME("coalesce(name, '')", false);

    final String key;
    final boolean descending;

    Sort(String key, boolean descending) {
      this.key = key;
      this.descending = descending;
    }
  }

  /**
   * @param member "my accounts": only accounts this user owns or is on the team of (null: all)
   * @param ids only these accounts (null: all)
   */
  public record Filter(
      String tier,
      String type,
      String risk,
      String ownerId,
      Instant updatedSince,
      String member,
      Collection<UUID> ids) {}

  /** Owned by, or on the team of, the user bound to {@code param} (an index-backed test). */
  public static String memberCondition(String param) {
    return "(owner_id = "
        + param
        + " or exists (select 1 from account_team_member m where m.account_id = account.id"
        + " and m.user_id = "
        + param
        + "))";
  }

  /** Where the previous page ended: its last sort key and account id. */
  public record Position(String key, UUID id) {}

  public record Row(Account account, String sortKey) {}

  public List<Row> portfolio(Filter f, Sort sort, Position after, int limit) {
    StringBuilder sql =
        new StringBuilder("select * from account").append(" where scored and not deleted");
    List<Object> params = new ArrayList<>();
    if (f.tier() != null) {
      sql.append(" and ").append(EFFECTIVE_TIER).append(" = ?").append(params.size() + 1);
      params.add(f.tier());
    }
    condition(sql, params, "type", f.type());
    condition(sql, params, "risk", f.risk());
    condition(sql, params, "owner_id", f.ownerId());
    if (f.member() != null) {
      sql.append(" and ").append(memberCondition("?" + (params.size() + 1)));
      params.add(f.member());
    }
    if (f.ids() != null) {
      sql.append(" and id in (?").append(params.size() + 1).append(')');
      params.add(f.ids());
    }
    if (f.updatedSince() != null) {
      sql.append(" and computed_at >= ?").append(params.size() + 1);
      params.add(f.updatedSince());
    }
    if (after != null) {
      String op = sort.descending ? "<" : ">";
      Object key = sort == Sort.NAME ? after.key() : new BigDecimal(after.key());
      int k = params.size() + 1;
      sql.append(" and (")
          .append(sort.key)
          .append(' ')
          .append(op)
          .append(" ?")
          .append(k)
          .append(" or (")
          .append(sort.key)
          .append(" = ?")
          .append(k)
          .append(" and id > ?")
          .append(k + 1)
          .append("))");
      params.add(key);
      params.add(after.id());
    }
    sql.append(" order by ")
        .append(sort.key)
        .append(sort.descending ? " desc" : " asc")
        .append(", id limit ")
        .append(limit);
    String text = sql.toString();
    if (text.contains(":today")) {
      text = text.replace(":today", "?" + (params.size() + 1));
      params.add(clock.today());
    }
    // set-based: the ranked, filtered page is one native query over the indexed table
    var q = accounts.getEntityManager().createNativeQuery(text, Account.class);
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Account> accounts = q.getResultList();
    return accounts.stream().map(a -> new Row(a, sortKey(a, sort))).toList();
  }

  private static String sortKey(Account a, Sort sort) {
    if (sort == Sort.NAME) {
      return a.name == null ? "" : a.name;
    }
    return a.score == null ? "-1" : a.score.toPlainString();
  }

  private static void condition(StringBuilder sql, List<Object> params, String column, Object v) {
    if (v != null) {
      sql.append(" and ").append(column).append(" = ?").append(params.size() + 1);
      params.add(v);
    }
  }
}
