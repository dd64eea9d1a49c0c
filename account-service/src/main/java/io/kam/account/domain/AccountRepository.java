package io.kam.account.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Set-based reads of accounts in plain SQL (a batch of 1000 is one query) and the locks that
 * serialize writers where a check spans rows: external keys and the ancestor chains a new parent
 * link hangs below. Single accounts are read through {@link AccountEntityRepository}.
 */
@ApplicationScoped
public class AccountRepository {

  private final Jdbc jdbc;
  private final ObjectMapper json;

  public AccountRepository(Jdbc jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** True also for deleted accounts: their history stays readable. */
  public boolean existedEver(UUID id) {
    return jdbc.one("select 1 from account where id = :id", SqlParams.of("id", id), row -> true)
        .isPresent();
  }

  /** Live accounts by external key, locked for the rest of the transaction. */
  public Map<ExternalRef, Account> findByRefsForUpdate(Collection<ExternalRef> refs) {
    Map<ExternalRef, Account> out = new HashMap<>();
    if (refs.isEmpty()) {
      return out;
    }
    String sql =
        "select "
            + AccountRows.COLUMNS
            + " from account where deleted_at is null and (source, external_id) in"
            + " (select * from unnest(:sources::text[], :ids::text[])) for update";
    for (Account a : jdbc.list(sql, refParams(refs), row -> AccountRows.read(row, json))) {
      out.put(new ExternalRef(a.data().source(), a.data().externalId()), a);
    }
    return out;
  }

  public Map<ExternalRef, UUID> idsByRefs(Collection<ExternalRef> refs) {
    Map<ExternalRef, UUID> out = new HashMap<>();
    if (refs.isEmpty()) {
      return out;
    }
    String sql =
        "select id, source, external_id from account where deleted_at is null and (source, external_id) in"
            + " (select * from unnest(:sources::text[], :ids::text[]))";
    jdbc.list(
        sql,
        refParams(refs),
        row -> {
          out.put(new ExternalRef(row.string("source"), row.string("external_id")), row.uuid("id"));
          return null;
        });
    return out;
  }

  /** Which of {@code ids} are live accounts. */
  public Set<UUID> live(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return new HashSet<>();
    }
    return new HashSet<>(
        jdbc.list(
            "select id from account where id = any(:ids) and deleted_at is null",
            SqlParams.none().array("ids", "uuid", ids),
            row -> row.uuid("id")));
  }

  /** Child -> parent for {@code ids} and all their ancestors (one recursive query). */
  public Map<UUID, UUID> ancestry(Collection<UUID> ids) {
    Map<UUID, UUID> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    String sql =
        "with recursive up(id, parent_id) as (select id, parent_id from account where id = any(:ids)"
            + " union select a.id, a.parent_id from account a join up on a.id = up.parent_id)"
            + " select id, parent_id from up";
    jdbc.list(
        sql,
        SqlParams.none().array("ids", "uuid", ids),
        row -> {
          out.put(row.uuid("id"), row.uuid("parent_id"));
          return null;
        });
    return out;
  }

  /** Live children of each of {@code parents}. */
  public Map<UUID, List<UUID>> childrenOf(Collection<UUID> parents) {
    Map<UUID, List<UUID>> out = new HashMap<>();
    if (parents.isEmpty()) {
      return out;
    }
    jdbc.list(
        "select id, parent_id from account where parent_id = any(:ids) and deleted_at is null",
        SqlParams.none().array("ids", "uuid", parents),
        row -> {
          out.computeIfAbsent(row.uuid("parent_id"), k -> new ArrayList<>()).add(row.uuid("id"));
          return null;
        });
    return out;
  }

  /**
   * Transaction-scoped locks on external keys, taken in one statement in a fixed order so two
   * writers of overlapping batches never deadlock; concurrent creates of one key serialize.
   */
  public void lockRefs(Collection<ExternalRef> refs) {
    if (refs.isEmpty()) {
      return;
    }
    jdbc.execute(
        "select pg_advisory_xact_lock(h) from (select distinct hashtextextended(s || chr(31) || e, 7) as h"
            + " from unnest(:sources::text[], :ids::text[]) as r(s, e) order by 1) k",
        refParams(refs));
  }

  /**
   * Child -> parent for {@code ids} and all their ancestors, with every row of those chains share
   * locked until commit, so none of their links can change before this transaction ends: a cycle
   * check over the answer stays true at commit. Every writer of an account locks its row for update
   * first (which waits for a share lock), so two moves that together would close a cycle meet on a
   * row and the second sees the first's link. The chain is read again after each lock statement (a
   * fresh snapshot) until every row on it is locked; each statement locks in id order. Accounts in
   * other trees are not touched at all.
   */
  public Map<UUID, UUID> lockAncestry(Collection<UUID> ids) {
    Set<UUID> locked = new HashSet<>();
    while (true) {
      Map<UUID, UUID> chain = ancestry(ids);
      List<UUID> missing = chain.keySet().stream().filter(id -> !locked.contains(id)).toList();
      if (missing.isEmpty()) {
        return chain;
      }
      jdbc.list(
          "select id from account where id = any(:ids) order by id for share",
          SqlParams.none().array("ids", "uuid", missing),
          row -> row.uuid("id"));
      locked.addAll(missing);
    }
  }

  private static SqlParams refParams(Collection<ExternalRef> refs) {
    return SqlParams.none()
        .array("sources", "text", refs.stream().map(ExternalRef::source).toList())
        .array("ids", "text", refs.stream().map(ExternalRef::externalId).toList());
  }
}
