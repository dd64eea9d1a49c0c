package io.kam.account.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The hierarchy rules for a whole sync batch, in memory over a few set-based reads: parents by CRM
 * key (in the batch, in any order, or stored; within the child's source), no cycles through stored
 * and batch links together, no delete of an account that keeps live children. A rule broken rejects
 * that item; rejections cascade to the items that depended on it. Only a batch that sets new
 * parents locks anything beyond its own rows: the ancestor chains of those parents ({@link
 * AccountRepository#lockAncestry}), so batches in other trees, or that only restate their parents,
 * never wait for it.
 */
@ApplicationScoped
class SyncTree {

  private final AccountRepository accounts;

  SyncTree(AccountRepository accounts) {
    this.accounts = accounts;
  }

  void resolve(List<SyncItem> items, Map<ExternalRef, SyncItem> byRef) {
    boolean touchesTree =
        items.stream()
            .anyMatch(
                i ->
                    i.ok()
                        && (i.delete
                            || i.parentChanged()
                            || (i.parentExternalId != null && i.parentExternalId.isTextual())));
    if (!touchesTree) {
      return;
    }
    Set<ExternalRef> parentRefs = new HashSet<>();
    Set<UUID> directParents = new HashSet<>();
    for (SyncItem i : items) {
      if (i.live() && i.parentExternalId != null && i.parentExternalId.isTextual()) {
        parentRefs.add(new ExternalRef(i.ref.source(), i.parentExternalId.asText()));
      } else if (i.live() && i.parentChanged()) {
        directParents.add(i.parent());
      }
    }
    // Resolve, lock the chains above the new parents, and resolve again over what the locks now
    // hold still (a parent may have gone meanwhile), until every new parent's chain is locked.
    Set<UUID> locked = new HashSet<>();
    Map<UUID, UUID> links = Map.of();
    Map<ExternalRef, UUID> storedParents;
    Set<UUID> liveDirect;
    while (true) {
      storedParents = accounts.idsByRefs(parentRefs);
      liveDirect = accounts.live(directParents);
      resolveParents(items, byRef, storedParents, liveDirect);
      Set<UUID> newParents = newStoredParents(items);
      if (locked.containsAll(newParents)) {
        break;
      }
      links = accounts.lockAncestry(newParents);
      locked.addAll(newParents);
    }
    // A rejection after a link was accepted can bring back a stored link: check again until stable.
    long rejected;
    do {
      rejected = items.stream().filter(i -> !i.ok()).count();
      rejectCycles(items, links);
      resolveParents(items, byRef, storedParents, liveDirect);
    } while (items.stream().filter(i -> !i.ok()).count() != rejected);
    rejectDeletesWithChildren(items);
  }

  /** The stored accounts the batch hangs items below anew (accounts new in the batch are not). */
  private static Set<UUID> newStoredParents(List<SyncItem> items) {
    Set<UUID> created = new HashSet<>();
    items.stream().filter(i -> i.live() && i.existing == null).forEach(i -> created.add(i.id));
    Set<UUID> parents = new HashSet<>();
    items.stream()
        .filter(i -> i.live() && i.parentChanged() && i.parent() != null)
        .map(SyncItem::parent)
        .filter(p -> !created.contains(p))
        .forEach(parents::add);
    return parents;
  }

  /** Until nothing changes: a parent must be live after the batch (rejections cascade). */
  private static void resolveParents(
      List<SyncItem> items,
      Map<ExternalRef, SyncItem> byRef,
      Map<ExternalRef, UUID> stored,
      Set<UUID> liveDirect) {
    boolean changed = true;
    while (changed) {
      changed = false;
      Set<UUID> deleting = new HashSet<>();
      Set<UUID> newInBatch = new HashSet<>();
      for (SyncItem i : items) {
        if (i.ok() && i.delete) {
          deleting.add(i.id);
        } else if (i.live() && i.existing == null) {
          newInBatch.add(i.id);
        }
      }
      for (SyncItem i : items) {
        if (!i.live()) {
          continue;
        }
        if (i.parentExternalId != null && i.parentExternalId.isTextual()) {
          ExternalRef parentRef = new ExternalRef(i.ref.source(), i.parentExternalId.asText());
          SyncItem inBatch = byRef.get(parentRef);
          if (inBatch != null && inBatch.live()) {
            i.target = i.target.withParent(inBatch.id);
          } else if (inBatch != null && inBatch.ok() && inBatch.delete) {
            i.reject(
                "parentExternalId",
                "the parent " + parentRef.externalId() + " is deleted in this request");
          } else if ((inBatch == null || !inBatch.ok()) && stored.containsKey(parentRef)) {
            i.target = i.target.withParent(stored.get(parentRef));
          } else {
            i.reject(
                "parentExternalId",
                "no account " + parentRef.externalId() + " in source " + parentRef.source());
          }
        } else if (i.parentChanged()) {
          UUID p = i.parent();
          if (p != null
              && (deleting.contains(p) || !(liveDirect.contains(p) || newInBatch.contains(p)))) {
            i.reject("parentId", "no live account " + p);
          }
        }
        changed |= !i.ok();
      }
    }
  }

  /** Accepts parent links in request order; a link that closes a cycle is rejected, naming it. */
  private static void rejectCycles(List<SyncItem> items, Map<UUID, UUID> stored) {
    if (items.stream().noneMatch(i -> i.live() && i.parentChanged() && i.parent() != null)) {
      return;
    }
    Map<UUID, UUID> links = new HashMap<>(stored);
    Map<UUID, UUID> pending = new HashMap<>();
    items.stream()
        .filter(i -> i.live() && i.existing == null)
        .forEach(i -> pending.put(i.id, null));
    links.putAll(pending); // new accounts hang nowhere until their own link is accepted
    for (SyncItem i : items) {
      if (!i.live() || !i.parentChanged()) {
        continue;
      }
      List<UUID> cycle =
          i.parent() == null ? null : Hierarchy.cycleThrough(i.id, i.parent(), links);
      if (cycle != null) {
        i.reject(
            i.parentExternalId != null ? "parentExternalId" : "parentId",
            "would create the cycle "
                + String.join(" -> ", cycle.stream().map(UUID::toString).toList()));
      } else {
        links.put(i.id, i.parent());
      }
    }
  }

  /** An account keeps children unless every live child leaves it (or goes) in the same batch. */
  private void rejectDeletesWithChildren(List<SyncItem> items) {
    Map<UUID, SyncItem> byId = new HashMap<>();
    items.stream().filter(i -> i.ok() && i.id != null).forEach(i -> byId.put(i.id, i));
    Set<UUID> deleting = new HashSet<>();
    items.stream().filter(i -> i.ok() && i.delete).forEach(i -> deleting.add(i.id));
    if (deleting.isEmpty()) {
      return;
    }
    Map<UUID, List<UUID>> storedChildren = accounts.childrenOf(deleting);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (SyncItem d : items) {
        if (!d.ok() || !d.delete) {
          continue;
        }
        long children = 0;
        for (UUID child : storedChildren.getOrDefault(d.id, List.of())) {
          SyncItem c = byId.get(child);
          boolean stays = c == null || !c.ok() || (!c.delete && d.id.equals(c.parent()));
          children += stays ? 1 : 0;
        }
        for (SyncItem c : items) {
          if (c.live()
              && d.id.equals(c.parent())
              && c.existing != null
              && !storedChildren.getOrDefault(d.id, List.of()).contains(c.id)) {
            children++;
          }
        }
        if (children > 0) {
          d.reject(
              "deleted",
              "the account has " + children + " live child account(s); re-parent them first");
          changed = true;
        }
      }
    }
  }
}
