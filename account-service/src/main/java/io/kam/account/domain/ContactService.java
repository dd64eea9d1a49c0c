package io.kam.account.domain;

import io.kam.chassis.http.Preconditions;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Stakeholders of an account. Writes lock the account row (so the org-chart check sees every
 * contact of the account) and follow the account's ownership rules; changes join its history.
 */
@ApplicationScoped
@Transactional
public class ContactService {

  private final ContactRepository contacts;
  private final AccountService accounts;
  private final AccountHistory history;
  private final ContactFeed feed;
  private final KamClock clock;

  public ContactService(
      ContactRepository contacts,
      AccountService accounts,
      AccountHistory history,
      ContactFeed feed,
      KamClock clock) {
    this.contacts = contacts;
    this.accounts = accounts;
    this.history = history;
    this.feed = feed;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ContactView> page(UUID account, String afterName, UUID afterId, int limit) {
    requireLive(account);
    return contacts.page(account, afterName, afterId, limit).stream().map(ContactView::of).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ContactView get(UUID account, UUID contact) {
    requireLive(account);
    return ContactView.of(find(account, contact));
  }

  /** 404 / 403 unless {@code actor} may change the contacts of {@code account}; no lock. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void checkWritable(UUID account, Actor actor) {
    accounts.checkWritable(account, actor);
  }

  public ContactView create(UUID account, ContactData data, Actor actor) {
    accounts.writable(account, actor);
    Contact c = new Contact();
    c.id = UUID.randomUUID();
    c.accountId = account;
    checkReportsTo(account, c.id, data.reportsToContactId());
    c.apply(data);
    c.createdAt = now();
    c.updatedAt = c.createdAt;
    c.version = 1; // kept by Hibernate, which counts from here
    contacts.persist(c);
    contacts.flush();
    ContactView view = ContactView.of(c);
    history.record(account, c.createdAt, actor.origin(), field(c.id, null), null, view);
    feed.write(List.of(ContactFeed.Entry.created(view)), actor.origin(), c.createdAt);
    return view;
  }

  public ContactView replace(
      UUID account, UUID contact, String ifMatch, ContactData data, Actor actor) {
    return change(account, contact, ifMatch, current -> data, actor);
  }

  /**
   * Replaces the contact with {@code edit} of it as it is under the account's lock (a merge patch),
   * so even with {@code If-Match: *} it never undoes a concurrent change.
   */
  public ContactView change(
      UUID account,
      UUID contact,
      String ifMatch,
      Function<ContactView, ContactData> edit,
      Actor actor) {
    accounts.writable(account, actor);
    Contact c = find(account, contact);
    Preconditions.requireIfMatch(ifMatch, c.version);
    ContactData data = edit.apply(ContactView.of(c));
    ContactData before = c.data();
    if (before.equals(data)) {
      return ContactView.of(c);
    }
    if (!Objects.equals(before.reportsToContactId(), data.reportsToContactId())) {
      checkReportsTo(account, c.id, data.reportsToContactId());
    }
    c.apply(data);
    c.updatedAt = now();
    contacts.flush(); // Hibernate counts the version here
    Map<String, Object> from = before.fields();
    for (Map.Entry<String, Object> e : data.fields().entrySet()) {
      if (!Objects.equals(from.get(e.getKey()), e.getValue())) {
        history.record(
            account,
            c.updatedAt,
            actor.origin(),
            field(c.id, e.getKey()),
            from.get(e.getKey()),
            e.getValue());
      }
    }
    ContactView view = ContactView.of(c);
    feed.write(List.of(ContactFeed.Entry.updated(view)), actor.origin(), c.updatedAt);
    return view;
  }

  public void delete(UUID account, UUID contact, String ifMatch, Actor actor) {
    accounts.writable(account, actor);
    Contact c = find(account, contact);
    Preconditions.requireIfMatch(ifMatch, c.version);
    ContactView before = ContactView.of(c);
    Instant at = now();
    // Those who reported to it now report to nobody (the FK would do it too, but unseen by
    // history and the feed).
    List<ContactFeed.Entry> entries = new ArrayList<>();
    for (ContactView report : contacts.detachReportsOf(contact, at)) {
      history.record(
          account, at, actor.origin(), field(report.id(), "reportsToContactId"), contact, null);
      entries.add(ContactFeed.Entry.updated(report));
    }
    contacts.delete(c);
    history.record(account, at, actor.origin(), field(contact, null), before, null);
    entries.add(ContactFeed.Entry.deleted(before));
    feed.write(entries, actor.origin(), at);
  }

  private void checkReportsTo(UUID account, UUID self, UUID reportsTo) {
    if (reportsTo == null) {
      return;
    }
    Map<UUID, UUID> managerOf = new HashMap<>();
    contacts.ofAccount(account).forEach(c -> managerOf.put(c.id, c.reportsToContactId));
    if (!managerOf.containsKey(reportsTo)) {
      throw ProblemException.invalid(
          "reportsToContactId", "no contact " + reportsTo + " of this account");
    }
    List<UUID> cycle = Hierarchy.cycleThrough(self, reportsTo, managerOf);
    if (cycle != null) {
      throw ProblemException.invalid(
          "reportsToContactId", "would create the reporting cycle " + cycle);
    }
  }

  private Contact find(UUID account, UUID contact) {
    return contacts
        .findOf(account, contact)
        .orElseThrow(
            () -> ProblemException.notFound("no contact " + contact + " of account " + account));
  }

  private void requireLive(UUID account) {
    accounts.find(account);
  }

  private static String field(UUID contact, String name) {
    return "contacts[" + contact + "]" + (name == null ? "" : "." + name);
  }

  private Instant now() {
    return clock.now().truncatedTo(ChronoUnit.MICROS);
  }
}
