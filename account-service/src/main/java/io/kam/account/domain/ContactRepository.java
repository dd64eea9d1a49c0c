package io.kam.account.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contacts of an account, by name (keyset pages) or one at a time. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

  /**
   * Up to {@code limit} contacts after ({@code afterName}, {@code afterId}); both null at the
   * start.
   */
  public List<Contact> page(UUID account, String afterName, UUID afterId, int limit) {
    Sort order = Sort.by("name").and("id");
    if (afterId == null) {
      return find("accountId = :a", order, Parameters.with("a", account)).page(0, limit).list();
    }
    return find(
            "accountId = :a and (name > :n or (name = :n and id > :id))",
            order,
            Parameters.with("a", account).and("n", afterName).and("id", afterId))
        .page(0, limit)
        .list();
  }

  public Optional<Contact> findOf(UUID account, UUID contact) {
    return findByIdOptional(contact).filter(c -> c.accountId.equals(account));
  }

  public List<Contact> ofAccount(UUID account) {
    return list("accountId", account);
  }

  /**
   * Those who reported to {@code contact} now report to nobody (a new version each, counted by
   * Hibernate): their states after it.
   */
  public List<ContactView> detachReportsOf(UUID contact, Instant at) {
    List<Contact> reports = list("reportsToContactId", contact);
    for (Contact r : reports) {
      r.reportsToContactId = null;
      r.updatedAt = at;
    }
    flush();
    return reports.stream().map(ContactView::of).toList();
  }
}
