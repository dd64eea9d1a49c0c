package io.kam.planning.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.UUID;

/** The read models fed by other services: accounts, and the latest KPI snapshot and score. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountDirectory {

  private final EntityManager em;
  private final PlanReactions reactions;
  private final ObjectiveTracker tracker;

  public AccountDirectory(EntityManager em, PlanReactions reactions, ObjectiveTracker tracker) {
    this.em = em;
    this.reactions = reactions;
    this.tracker = tracker;
  }

  /** Created or updated: the full account as after the change. */
  public void upsert(UUID id, String name, String ownerId, Collection<String> team) {
    Account a = em.find(Account.class, id);
    if (a == null) {
      a = new Account();
      a.id = id;
      em.persist(a);
    }
    a.name = name;
    a.ownerId = ownerId;
    a.team = new HashSet<>(team);
    a.deleted = false;
  }

  /** Deleted: remembered as a tombstone (also when never seen), and its plans archived. */
  public void delete(UUID id) {
    Account a = em.find(Account.class, id);
    if (a == null) {
      a = new Account();
      a.id = id;
      em.persist(a);
    }
    a.deleted = true;
    em.flush();
    reactions.accountDeleted(id);
  }

  public record Snapshot(
      String asOfMonth, BigDecimal t12mRevenue, BigDecimal t12mGrowth, BigDecimal shareOfWallet, BigDecimal npsT12m,
      BigDecimal csatT12m, Integer crossSellCount) {}

  public void snapshot(UUID accountId, Snapshot s) {
    AccountMetrics m = metrics(accountId);
    m.asOfMonth = s.asOfMonth();
    m.t12mRevenue = s.t12mRevenue();
    m.t12mGrowth = s.t12mGrowth();
    m.shareOfWallet = s.shareOfWallet();
    m.npsT12m = s.npsT12m();
    m.csatT12m = s.csatT12m();
    m.crossSellCount = s.crossSellCount();
    em.flush();
    tracker.refreshAccount(accountId);
  }

  public void score(UUID accountId, BigDecimal score) {
    metrics(accountId).score = score;
    em.flush();
    tracker.refreshAccount(accountId);
  }

  private AccountMetrics metrics(UUID accountId) {
    AccountMetrics m = em.find(AccountMetrics.class, accountId);
    if (m == null) {
      m = new AccountMetrics();
      m.accountId = accountId;
      em.persist(m);
    }
    return m;
  }
}
