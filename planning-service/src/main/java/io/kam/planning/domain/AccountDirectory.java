package io.kam.planning.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.UUID;

/** The read models fed by other services: accounts, and the latest KPI snapshot and score. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountDirectory {

  private final AccountRepository accounts;
  private final AccountMetricsRepository metrics;
  private final PlanReactions reactions;
  private final ObjectiveTracker tracker;

  public AccountDirectory(
      AccountRepository accounts,
      AccountMetricsRepository metrics,
      PlanReactions reactions,
      ObjectiveTracker tracker) {
    this.accounts = accounts;
    this.metrics = metrics;
    this.reactions = reactions;
    this.tracker = tracker;
  }

  /** Whether any event of the account arrived yet (a deleted one is known too). */
  public boolean isKnown(UUID id) {
    return accounts.findById(id) != null;
  }

  /** Created or updated: the full account as after the change. */
  public void upsert(UUID id, String name, String ownerId, Collection<String> team) {
    accounts.change(
        id,
        a -> {
          a.name = name;
          a.ownerId = ownerId;
          a.team = new HashSet<>(team);
          a.deleted = false;
        });
  }

  /** Deleted: remembered as a tombstone (also when never seen), and its plans archived. */
  public void delete(UUID id) {
    accounts.change(id, a -> a.deleted = true);
    accounts.flush();
    reactions.accountDeleted(id);
  }

  public record Snapshot(
      String asOfMonth,
      BigDecimal t12mRevenue,
      BigDecimal t12mGrowth,
      BigDecimal shareOfWallet,
      BigDecimal npsT12m,
      BigDecimal csatT12m,
      Integer crossSellCount) {}

  public void snapshot(UUID accountId, Snapshot s) {
    metrics.change(
        accountId,
        m -> {
          m.asOfMonth = s.asOfMonth();
          m.t12mRevenue = s.t12mRevenue();
          m.t12mGrowth = s.t12mGrowth();
          m.shareOfWallet = s.shareOfWallet();
          m.npsT12m = s.npsT12m();
          m.csatT12m = s.csatT12m();
          m.crossSellCount = s.crossSellCount();
        });
    metrics.flush();
    tracker.refreshAccount(accountId);
  }

  public void score(UUID accountId, BigDecimal score) {
    metrics.change(accountId, m -> m.score = score);
    metrics.flush();
    tracker.refreshAccount(accountId);
  }
}
