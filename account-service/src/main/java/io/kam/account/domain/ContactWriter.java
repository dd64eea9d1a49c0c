package io.kam.account.domain;

import io.kam.chassis.time.KamClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes a worked-out contact sync batch: the contacts (Hibernate counts their versions), the
 * account history rows in one statement and the contact feed entries in one statement.
 */
@ApplicationScoped
class ContactWriter {

  private final ContactRepository contacts;
  private final AccountHistory history;
  private final ContactFeed feed;
  private final KamClock clock;

  ContactWriter(
      ContactRepository contacts, AccountHistory history, ContactFeed feed, KamClock clock) {
    this.contacts = contacts;
    this.history = history;
    this.feed = feed;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  List<SyncResult> write(List<ContactSyncItem> items, String origin) {
    Instant now = clock.now().truncatedTo(ChronoUnit.MICROS);
    Map<UUID, ContactSyncItem> creates = new LinkedHashMap<>();
    Map<ContactSyncItem, ContactData> updates = new LinkedHashMap<>();
    List<ContactSyncItem> deletes = new ArrayList<>();
    for (ContactSyncItem i : items) {
      if (!i.ok()) {
        continue;
      }
      if (i.delete) {
        deletes.add(i);
      } else if (i.existing == null) {
        creates.put(i.id, i);
      } else if (i.existing.data().equals(i.target)) {
        i.status = SyncResult.Status.UNCHANGED;
      } else {
        updates.put(i, i.existing.data());
        i.existing.apply(i.target);
        i.existing.updatedAt = now;
      }
    }
    Map<UUID, Contact> created = new HashMap<>();
    creates.keySet().forEach(id -> persistManagersFirst(id, creates, created, now));
    contacts.flush();
    List<AccountHistory.Line> lines = new ArrayList<>();
    List<ContactFeed.Entry> entries = new ArrayList<>();
    for (ContactSyncItem i : creates.values()) {
      ContactView view = ContactView.of(created.get(i.id));
      lines.add(new AccountHistory.Line(i.accountId, now, origin, field(i.id, null), null, view));
      entries.add(ContactFeed.Entry.created(view));
      i.status = SyncResult.Status.CREATED;
      i.version = view.version();
    }
    updates.forEach(
        (i, before) -> {
          Map<String, Object> from = before.fields();
          i.target
              .fields()
              .forEach(
                  (name, to) -> {
                    if (!Objects.equals(from.get(name), to)) {
                      lines.add(
                          new AccountHistory.Line(
                              i.accountId, now, origin, field(i.id, name), from.get(name), to));
                    }
                  });
          entries.add(ContactFeed.Entry.updated(ContactView.of(i.existing)));
          i.status = SyncResult.Status.UPDATED;
          i.version = i.existing.version;
        });
    for (ContactSyncItem d : deletes) {
      // Those who reported to it now report to nobody, as with the contact API.
      for (ContactView report : contacts.detachReportsOf(d.existing.id, now)) {
        lines.add(
            new AccountHistory.Line(
                report.accountId(),
                now,
                origin,
                field(report.id(), "reportsToContactId"),
                d.existing.id,
                null));
        entries.add(ContactFeed.Entry.updated(report));
      }
      ContactView before = ContactView.of(d.existing);
      contacts.delete(d.existing);
      lines.add(new AccountHistory.Line(d.accountId, now, origin, field(d.id, null), before, null));
      entries.add(ContactFeed.Entry.deleted(before));
      d.status = SyncResult.Status.DELETED;
      d.version = before.version() + 1;
    }
    contacts.flush();
    history.recordAll(lines);
    feed.write(entries, origin, now);
    return items.stream().map(ContactSyncItem::result).toList();
  }

  /**
   * Persists a new contact after its manager when that is new too (the foreign key is immediate).
   */
  private void persistManagersFirst(
      UUID id, Map<UUID, ContactSyncItem> creates, Map<UUID, Contact> created, Instant now) {
    if (created.containsKey(id)) {
      return;
    }
    ContactSyncItem i = creates.get(id);
    UUID manager = i.target.reportsToContactId();
    Contact c = new Contact();
    created.put(id, c); // before the manager: the cycle check guarantees none, this guards anyway
    if (manager != null && creates.containsKey(manager)) {
      persistManagersFirst(manager, creates, created, now);
    }
    c.id = id;
    c.accountId = i.accountId;
    c.source = i.ref.source();
    c.externalId = i.ref.externalId();
    c.apply(i.target);
    c.createdAt = now;
    c.updatedAt = now;
    c.version = 1;
    contacts.persist(c);
  }

  private static String field(UUID contact, String name) {
    return "contacts[" + contact + "]" + (name == null ? "" : "." + name);
  }
}
