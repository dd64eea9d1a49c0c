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
 * The partners' feed of every account change in commit order. {@link AccountWriter} assigns the ids
 * under an advisory lock held until commit, so once a reader has seen id n, no change with an id
 * below n can still commit: reading "id > cursor" never skips one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeFeed {

  /** One change: {@code account} is the state after it, null for a delete (a tombstone). */
  @Schema(name = "AccountChange")
  public record Change(
      long position,
      String operation,
      UUID accountId,
      String source,
      String externalId,
      String origin,
      Instant changedAt,
      long version,
      @Schema(
              implementation = AccountView.class,
              description = "the account after the change, as GET shows it; null for DELETED")
          JsonNode account) {}

  private final Jdbc jdbc;
  private final ObjectMapper json;

  public ChangeFeed(Jdbc jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Which changes a reader wants: null members do not filter. */
  public record Filter(String source, String excludeOrigin) {
    public static final Filter NONE = new Filter(null, null);
  }

  /**
   * A page of changes after {@code position}, and the position to read on from. The page is read up
   * to the feed's end as it was when the read began ({@link #end()}); when a filter leaves fewer
   * than {@code limit} changes there, the next position is that end, so a filtered reader never
   * scans the same skipped changes twice. {@code more}: changes may be waiting beyond it.
   */
  public record Page<T>(List<T> items, long next, boolean more) {

    /**
     * The page of {@code rows} (fetched with limit + 1) read after {@code position} up to {@code
     * end}.
     */
    static <T> Page<T> of(
        List<T> rows,
        int limit,
        long position,
        long end,
        java.util.function.ToLongFunction<T> pos) {
      if (rows.size() > limit) {
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, pos.applyAsLong(items.get(limit - 1)), true);
      }
      return new Page<>(rows, Math.max(position, end), false);
    }
  }

  public Page<Change> page(long position, int limit, Filter filter) {
    long end = end();
    String sql =
        "select id, operation, account_id, source, external_id, origin, changed_at, version, state::text as state"
            + " from account_change where id > :position and id <= :end"
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
    return Page.of(jdbc.list(sql, params, this::change), limit, position, end, Change::position);
  }

  /**
   * The feed's end: every change up to it has committed, none below it can still commit (ids are
   * handed out in commit order), so it is a consistent position to read on from.
   */
  public long end() {
    return jdbc.one(
            "select coalesce(max(id), 0) as id from account_change",
            SqlParams.none(),
            row -> row.longValue("id"))
        .orElse(0L);
  }

  public List<Change> after(long position, int limit) {
    return page(position, limit, Filter.NONE).items();
  }

  private Change change(Row row) throws SQLException {
    return new Change(
        row.longValue("id"),
        row.string("operation"),
        row.uuid("account_id"),
        row.string("source"),
        row.string("external_id"),
        row.string("origin"),
        row.instant("changed_at"),
        row.longValue("version"),
        state(row.string("state")));
  }

  private JsonNode state(String raw) {
    try {
      return raw == null ? null : json.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the change feed could not be read", e);
    }
  }
}
