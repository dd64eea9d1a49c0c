package io.kam.scoring.domain;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  public ScoreQueries(AccountRepository accounts, ScoreHistoryRepository history, KamClock clock) {
    this.accounts = accounts;
    this.history = history;
    this.clock = clock;
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

  public record Filter(
      String tier, String type, String risk, String ownerId, Instant updatedSince) {}

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
