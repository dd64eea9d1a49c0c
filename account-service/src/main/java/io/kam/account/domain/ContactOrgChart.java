package io.kam.account.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The org-chart rules of a contact sync batch, in memory over two set-based reads: a manager named
 * by the partner's key (in the batch, in any order, or stored; in the contact's own source) must be
 * a contact of the same account, and the reporting lines make no cycle. A broken rule rejects the
 * item; rejections cascade to the items that named it as manager.
 */
@ApplicationScoped
class ContactOrgChart {

  private final ContactSyncStore store;

  ContactOrgChart(ContactSyncStore store) {
    this.store = store;
  }

  void resolve(List<ContactSyncItem> items, Map<ExternalRef, ContactSyncItem> byRef) {
    Set<ExternalRef> managerRefs = new HashSet<>();
    Set<UUID> accounts = new HashSet<>();
    for (ContactSyncItem i : items) {
      if (i.live() && i.namesManager()) {
        managerRefs.add(managerRef(i));
        accounts.add(i.accountId);
      }
    }
    if (managerRefs.isEmpty()) {
      return;
    }
    Map<ExternalRef, ContactSyncStore.Stored> stored = store.byRefs(managerRefs);
    Map<UUID, UUID> storedLinks = store.managers(accounts);
    long rejected;
    do {
      rejected = items.stream().filter(i -> !i.ok()).count();
      resolveManagers(items, byRef, stored);
      rejectCycles(items, storedLinks);
    } while (items.stream().filter(i -> !i.ok()).count() != rejected);
  }

  private static ExternalRef managerRef(ContactSyncItem i) {
    return new ExternalRef(i.ref.source(), i.reportsTo.asText());
  }

  private static void resolveManagers(
      List<ContactSyncItem> items,
      Map<ExternalRef, ContactSyncItem> byRef,
      Map<ExternalRef, ContactSyncStore.Stored> stored) {
    for (ContactSyncItem i : items) {
      if (!i.live() || !i.namesManager()) {
        continue;
      }
      ExternalRef ref = managerRef(i);
      ContactSyncItem inBatch = byRef.get(ref);
      UUID manager;
      UUID managerAccount;
      if (inBatch != null && inBatch.live()) {
        manager = inBatch.id;
        managerAccount = inBatch.accountId;
      } else if (inBatch != null && inBatch.ok() && inBatch.delete) {
        i.reject(
            "reportsToExternalId",
            "the manager " + ref.externalId() + " is deleted in this request");
        continue;
      } else if (stored.containsKey(ref) && (inBatch == null || inBatch.existing != null)) {
        manager = stored.get(ref).id();
        managerAccount = stored.get(ref).accountId();
      } else {
        i.reject(
            "reportsToExternalId", "no contact " + ref.externalId() + " in source " + ref.source());
        continue;
      }
      if (!managerAccount.equals(i.accountId)) {
        i.reject(
            "reportsToExternalId",
            "the manager " + ref.externalId() + " is a contact of another account");
        continue;
      }
      i.target = i.target.withReportsTo(manager);
    }
  }

  /**
   * Accepts reporting lines in request order; a line that closes a cycle is rejected, naming it.
   */
  private static void rejectCycles(List<ContactSyncItem> items, Map<UUID, UUID> storedLinks) {
    Map<UUID, UUID> links = new HashMap<>(storedLinks);
    for (ContactSyncItem i : items) {
      if (i.live() && (i.existing == null || !i.namesManager())) {
        // new contacts report to nobody until their own line is accepted
        links.put(i.id, i.namesManager() ? null : i.target.reportsToContactId());
      }
    }
    for (ContactSyncItem i : items) {
      if (!i.live() || !i.namesManager()) {
        continue;
      }
      UUID manager = i.target.reportsToContactId();
      List<UUID> cycle = Hierarchy.cycleThrough(i.id, manager, links);
      if (cycle != null) {
        i.reject("reportsToExternalId", "would create the reporting cycle " + cycle);
      } else {
        links.put(i.id, manager);
      }
    }
  }
}
