package io.kam.account.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.Row;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The partners' feed of contact changes (every write: the contact API and the contact sync), in
 * commit order like {@link ChangeFeed}: ids are taken under the same advisory lock held until
 * commit. Each entry names the account by id and by its external key, so a partner keyed by its own
 * ids needs no lookup.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ContactFeed {

  /** One change: {@code contact} is the state after it, null for a delete (a tombstone). */
  @Schema(name = "ContactChange")
  public record Change(
      long position,
      String operation,
      UUID contactId,
      UUID accountId,
      String source,
      String externalId,
      String accountSource,
      String accountExternalId,
      String origin,
      Instant changedAt,
      long version,
      @Schema(
              implementation = ContactView.class,
              description = "the contact after the change, as GET shows it; null for DELETED")
          JsonNode contact) {}

  /** A change as it is written: {@code state} is the contact after it (before it, for a delete). */
  public record Entry(String operation, ContactView state, long version) {
    static Entry created(ContactView after) {
      return new Entry("CREATED", after, after.version());
    }

    static Entry updated(ContactView after) {
      return new Entry("UPDATED", after, after.version());
    }

    static Entry deleted(ContactView before) {
      return new Entry("DELETED", before, before.version() + 1);
    }
  }

  private static final String INSERT =
      "insert into contact_change (contact_id, account_id, operation, source, external_id,"
          + " account_source, account_external_id, origin, changed_at, version, state)"
          + " select v.c::uuid, v.a::uuid, v.op, v.s, v.e, a.source, a.external_id, v.o,"
          + " v.t::timestamptz, v.ver::bigint, v.st::jsonb from "
          + TextColumns.unnest(9)
          + " with ordinality as v(c, a, op, s, e, o, t, ver, st, n)"
          + " left join account a on a.id = v.a::uuid order by v.n";

  private final Jdbc jdbc;
  private final ObjectMapper json;

  public ContactFeed(Jdbc jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Appends {@code entries}; the last statement of the writer's transaction (see the lock). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void write(List<Entry> entries, String origin, Instant at) {
    if (entries.isEmpty()) {
      return;
    }
    TextColumns cols = new TextColumns(9);
    for (Entry e : entries) {
      ContactView c = e.state();
      cols.row(
          c.id(),
          c.accountId(),
          e.operation(),
          c.source(),
          c.externalId(),
          origin,
          at,
          e.version(),
          "DELETED".equals(e.operation()) ? null : toJson(c));
    }
    jdbc.execute(
        "select pg_advisory_xact_lock(:key)", SqlParams.of("key", AccountWriter.CHANGE_FEED_LOCK));
    jdbc.update(INSERT, cols.params());
  }

  /** As {@link ChangeFeed#page}: up to the end as the read began, filtered, and where to go on. */
  public ChangeFeed.Page<Change> page(long position, int limit, ChangeFeed.Filter filter) {
    long end = end();
    String sql =
        "select id, operation, contact_id, account_id, source, external_id, account_source,"
            + " account_external_id, origin, changed_at, version, state::text as state"
            + " from contact_change where id > :position and id <= :end"
            + (filter.source() == null ? "" : " and source = :source")
            + (filter.excludeOrigin() == null ? "" : " and origin <> :excludeOrigin")
            + " order by id limit :limit";
    SqlParams params = SqlParams.of("position", position, "end", end, "limit", limit + 1);
    if (filter.source() != null) {
      params.set("source", filter.source());
    }
    if (filter.excludeOrigin() != null) {
      params.set("excludeOrigin", filter.excludeOrigin());
    }
    return ChangeFeed.Page.of(
        jdbc.list(sql, params, this::change), limit, position, end, Change::position);
  }

  /** The feed's end: a consistent position (ids are handed out in commit order). */
  public long end() {
    return jdbc.one(
            "select coalesce(max(id), 0) as id from contact_change",
            SqlParams.none(),
            row -> row.longValue("id"))
        .orElse(0L);
  }

  private Change change(Row row) throws SQLException {
    String state = row.string("state");
    try {
      return new Change(
          row.longValue("id"),
          row.string("operation"),
          row.uuid("contact_id"),
          row.uuid("account_id"),
          row.string("source"),
          row.string("external_id"),
          row.string("account_source"),
          row.string("account_external_id"),
          row.string("origin"),
          row.instant("changed_at"),
          row.longValue("version"),
          state == null ? null : json.readTree(state));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the contact feed could not be read", e);
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("value is not serializable", e);
    }
  }
}
