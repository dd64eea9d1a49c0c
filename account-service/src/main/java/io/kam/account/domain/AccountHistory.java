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

/** The audit trail of an account, newest first: who, when, which field, from and to. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountHistory {

  public record Entry(long id, Instant changedAt, String changedBy, String field, JsonNode from, JsonNode to) {}

  private final AgroalDataSource dataSource;
  private final ObjectMapper json;
  private final AccountRepository accounts;

  public AccountHistory(AgroalDataSource dataSource, ObjectMapper json, AccountRepository accounts) {
    this.dataSource = dataSource;
    this.json = json;
    this.accounts = accounts;
  }

  /** Entries older than {@code beforeId} (null: the newest), at most {@code limit}. */
  public List<Entry> page(UUID account, Long beforeId, int limit) {
    if (!accounts.existedEver(account)) {
      throw AccountProblems.notFound(account);
    }
    String sql =
        "select id, changed_at, origin, field, old_value::text as old_value, new_value::text as new_value"
            + " from account_history where account_id = ? and id < ? order by id desc limit ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, account);
      ps.setLong(2, beforeId == null ? Long.MAX_VALUE : beforeId);
      ps.setInt(3, limit);
      List<Entry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Entry(rs.getLong("id"), Sql.instant(rs, "changed_at"), rs.getString("origin"),
              rs.getString("field"), node(rs.getString("old_value")), node(rs.getString("new_value"))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Sql.failure("history could not be read", e);
    }
  }

  /** Records changes that are not account fields (contacts) in the same trail. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(UUID account, Instant at, String origin, String field, Object from, Object to) {
    String sql =
        "insert into account_history (account_id, changed_at, origin, field, old_value, new_value)"
            + " values (?, ?, ?, ?, ?::jsonb, ?::jsonb)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, account);
      ps.setTimestamp(2, Sql.timestamp(at));
      ps.setString(3, origin);
      ps.setString(4, field);
      ps.setString(5, from == null ? null : json.writeValueAsString(from));
      ps.setString(6, to == null ? null : json.writeValueAsString(to));
      ps.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("history could not be written", e);
    }
  }

  private JsonNode node(String raw) {
    try {
      return raw == null ? null : json.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored history value is not readable", e);
    }
  }
}
