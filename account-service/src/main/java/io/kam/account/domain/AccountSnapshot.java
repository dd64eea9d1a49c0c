package io.kam.account.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * A partner's bootstrap: every live account by id (a key that never changes, so pages neither skip
 * nor repeat while others write). Its first page is read after the feed's end is taken ({@link
 * ChangeFeed#end()}): every change up to that position is in the pages, every later one is in the
 * feed after it, so snapshot plus feed from there misses nothing. A change committed while the
 * pages are read may show in both; its feed entry carries the version to compare.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountSnapshot {

  private final Jdbc jdbc;
  private final ObjectMapper json;

  public AccountSnapshot(Jdbc jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Up to {@code limit} live accounts after {@code afterId} (null: from the start), by id. */
  public List<AccountView> page(String source, UUID afterId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select " + AccountRows.COLUMNS + " from account where deleted_at is null");
    SqlParams params = SqlParams.of("limit", limit);
    if (source != null) {
      sql.append(" and source = :source");
      params.set("source", source);
    }
    if (afterId != null) {
      sql.append(" and id > :afterId");
      params.set("afterId", afterId);
    }
    sql.append(" order by id limit :limit");
    return jdbc.list(sql.toString(), params, row -> AccountView.of(AccountRows.read(row, json)));
  }
}
