package io.kam.account.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The partners' feed of every account change in commit order. {@link AccountWriter} assigns
 * the ids under an advisory lock held until commit, so once a reader has seen id n, no change
 * with an id below n can still commit: reading "id > cursor" never skips one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChangeFeed {

  /** One change: {@code account} is the state after it, null for a delete (a tombstone). */
  public record Change(
      long position, String operation, UUID accountId, String source, String externalId, String origin,
      Instant changedAt, long version, JsonNode account) {}

  private final AgroalDataSource dataSource;
  private final ObjectMapper json;

  public ChangeFeed(AgroalDataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  public List<Change> after(long position, int limit) {
    String sql =
        "select id, operation, account_id, source, external_id, origin, changed_at, version, state::text as state"
            + " from account_change where id > ? order by id limit ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, position);
      ps.setInt(2, limit);
      List<Change> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String state = rs.getString("state");
          out.add(new Change(rs.getLong("id"), rs.getString("operation"), Sql.uuid(rs, "account_id"),
              rs.getString("source"), rs.getString("external_id"), rs.getString("origin"),
              Sql.instant(rs, "changed_at"), rs.getLong("version"), state == null ? null : json.readTree(state)));
        }
      }
      return out;
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("the change feed could not be read", e);
    }
  }
}
