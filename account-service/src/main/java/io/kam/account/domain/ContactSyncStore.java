package io.kam.account.domain;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** The set-based reads and locks of a contact sync batch (one statement each). */
@ApplicationScoped
class ContactSyncStore {

  /** A stored contact by its key: its id and its account. */
  record Stored(UUID id, UUID accountId) {}

  private final Jdbc jdbc;
  private final ContactRepository contacts;

  ContactSyncStore(Jdbc jdbc, ContactRepository contacts) {
    this.jdbc = jdbc;
    this.contacts = contacts;
  }

  /**
   * Transaction-scoped locks on contact keys in one statement in a fixed order (overlapping batches
   * never deadlock; concurrent creates of one key serialize). Another hash seed than the account
   * keys', so the two never share a lock by accident of the same text.
   */
  void lockRefs(Collection<ExternalRef> refs) {
    if (!refs.isEmpty()) {
      jdbc.execute(
          "select pg_advisory_xact_lock(h) from (select distinct hashtextextended(s || chr(31) || e, 8) as h"
              + " from unnest(:sources::text[], :ids::text[]) as r(s, e) order by 1) k",
          refParams(refs));
    }
  }

  /** Stored contacts by key (not locked: a contact never changes account). */
  Map<ExternalRef, Stored> byRefs(Collection<ExternalRef> refs) {
    Map<ExternalRef, Stored> out = new HashMap<>();
    if (refs.isEmpty()) {
      return out;
    }
    jdbc.list(
        "select id, account_id, source, external_id from contact where (source, external_id) in"
            + " (select * from unnest(:sources::text[], :ids::text[]))",
        refParams(refs),
        row -> {
          out.put(
              new ExternalRef(row.string("source"), row.string("external_id")),
              new Stored(row.uuid("id"), row.uuid("account_id")));
          return null;
        });
    return out;
  }

  /**
   * Locks the account rows, in id order, as the contact API does for one account: the org-chart
   * checks then see every contact of them.
   */
  void lockAccounts(Collection<UUID> accounts) {
    if (!accounts.isEmpty()) {
      jdbc.list(
          "select id from account where id = any(:ids) order by id for update",
          SqlParams.none().array("ids", "uuid", new TreeSet<>(accounts)),
          row -> null);
    }
  }

  /** The contacts with these ids, as entities locked until commit. */
  Map<UUID, Contact> forUpdate(Collection<UUID> ids) {
    Map<UUID, Contact> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.list(
        "select id from contact where id = any(:ids) order by id for update",
        SqlParams.none().array("ids", "uuid", ids),
        row -> null);
    contacts.list("id in ?1", List.copyOf(ids)).forEach(c -> out.put(c.id, c));
    return out;
  }

  /** Contact -> manager (null: none) for every contact of {@code accounts}. */
  Map<UUID, UUID> managers(Collection<UUID> accounts) {
    Map<UUID, UUID> out = new HashMap<>();
    if (accounts.isEmpty()) {
      return out;
    }
    jdbc.list(
        "select id, reports_to_contact_id from contact where account_id = any(:ids)",
        SqlParams.none().array("ids", "uuid", accounts),
        row -> {
          out.put(row.uuid("id"), row.uuid("reports_to_contact_id"));
          return null;
        });
    return out;
  }

  private static SqlParams refParams(Collection<ExternalRef> refs) {
    return SqlParams.none()
        .array("sources", "text", refs.stream().map(ExternalRef::source).toList())
        .array("ids", "text", refs.stream().map(ExternalRef::externalId).toList());
  }
}
