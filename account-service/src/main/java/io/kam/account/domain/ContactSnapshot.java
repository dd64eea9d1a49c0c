package io.kam.account.domain;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * A partner's contact bootstrap, as {@link AccountSnapshot}: the contacts of live accounts by id,
 * read after the contact feed's end ({@link ContactFeed#end()}) is taken.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ContactSnapshot {

  private final Jdbc jdbc;

  public ContactSnapshot(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Up to {@code limit} contacts after {@code afterId} (null: from the start), by id. */
  public List<ContactView> page(String source, UUID afterId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select c.id, c.account_id, c.source, c.external_id, c.name, c.title, c.email, c.phone,"
                + " c.buying_role, c.influence, c.relationship_strength, c.reports_to_contact_id,"
                + " c.created_at, c.updated_at, c.version from contact c join account a"
                + " on a.id = c.account_id and a.deleted_at is null where true");
    SqlParams params = SqlParams.of("limit", limit);
    if (source != null) {
      sql.append(" and c.source = :source");
      params.set("source", source);
    }
    if (afterId != null) {
      sql.append(" and c.id > :afterId");
      params.set("afterId", afterId);
    }
    sql.append(" order by c.id limit :limit");
    return jdbc.list(
        sql.toString(),
        params,
        row ->
            new ContactView(
                row.uuid("id"),
                row.uuid("account_id"),
                row.string("source"),
                row.string("external_id"),
                row.string("name"),
                row.string("title"),
                row.string("email"),
                row.string("phone"),
                row.string("buying_role") == null
                    ? null
                    : BuyingRole.valueOf(row.string("buying_role")),
                row.intValue("influence"),
                row.intValue("relationship_strength"),
                row.uuid("reports_to_contact_id"),
                row.instant("created_at"),
                row.instant("updated_at"),
                row.longValue("version")));
  }
}
