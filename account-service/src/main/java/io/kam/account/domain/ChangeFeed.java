package io.kam.account.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The partners' feed of every account change in commit order. {@link AccountWriter} assigns the ids
 * under an advisory lock held until commit, so once a reader has seen id n, no change with an id
 * below n can still commit: reading "id > cursor" never skips one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeFeed {

  /** One change: {@code account} is the state after it, null for a delete (a tombstone). */
  public record Change(
      long position,
      String operation,
      UUID accountId,
      String source,
      String externalId,
      String origin,
      Instant changedAt,
      long version,
      JsonNode account) {}

  private final Jdbc jdbc;
  private final ObjectMapper json;

  public ChangeFeed(Jdbc jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public List<Change> after(long position, int limit) {
    String sql =
        "select id, operation, account_id, source, external_id, origin, changed_at, version, state::text as state"
            + " from account_change where id > :position order by id limit :limit";
    return jdbc.list(
        sql,
        SqlParams.of("position", position, "limit", limit),
        row ->
            new Change(
                row.longValue("id"),
                row.string("operation"),
                row.uuid("account_id"),
                row.string("source"),
                row.string("external_id"),
                row.string("origin"),
                row.instant("changed_at"),
                row.longValue("version"),
                state(row.string("state"))));
  }

  private JsonNode state(String raw) {
    try {
      return raw == null ? null : json.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the change feed could not be read", e);
    }
  }
}
