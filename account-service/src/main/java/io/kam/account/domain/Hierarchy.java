package io.kam.account.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Rules of the account tree: a parent must be a live account and no account may become its own
 * ancestor, however long the chain. The chain above a new parent is share locked before it is
 * checked ({@link AccountRepository#lockAncestry}), so the tree checked is the tree written into;
 * the account itself is locked for update by its writer. A write that sets no new parent locks no
 * other account.
 */
@ApplicationScoped
public class Hierarchy {

  private final AccountRepository accounts;

  public Hierarchy(AccountRepository accounts) {
    this.accounts = accounts;
  }

  /** Checks that {@code account} (null while new) may hang below {@code parent}. */
  public void checkParent(UUID account, UUID parent) {
    if (parent == null) {
      return;
    }
    if (parent.equals(account)) {
      throw AccountProblems.cycle(List.of(account, account));
    }
    Map<UUID, UUID> ancestry = accounts.lockAncestry(List.of(parent));
    // read after the lock: a parent deleted meanwhile is seen as deleted
    if (accounts.live(List.of(parent)).isEmpty()) {
      throw AccountProblems.unknownParent("parentId", parent);
    }
    if (account != null) {
      List<UUID> chain = cycleThrough(account, parent, ancestry);
      if (chain != null) {
        throw AccountProblems.cycle(chain);
      }
    }
  }

  /**
   * The cycle {@code account -> parent -> ... -> account} if giving {@code account} this parent
   * closes one in the tree {@code parentOf}; null otherwise.
   */
  public static List<UUID> cycleThrough(UUID account, UUID parent, Map<UUID, UUID> parentOf) {
    List<UUID> chain = new ArrayList<>(List.of(account));
    Set<UUID> seen = new HashSet<>();
    for (UUID at = parent; at != null && seen.add(at); at = parentOf.get(at)) {
      chain.add(at);
      if (at.equals(account)) {
        return chain;
      }
    }
    return null;
  }

  /**
   * The caller holds {@code account}'s row for update: a writer hanging a child below it share
   * locks that row first, so a child added meanwhile is committed and seen here, or waits for the
   * delete and then finds no live parent.
   */
  public void checkDeletable(UUID account) {
    List<UUID> children = accounts.childrenOf(List.of(account)).getOrDefault(account, List.of());
    if (!children.isEmpty()) {
      throw AccountProblems.hasChildren(account, children.size());
    }
  }
}
