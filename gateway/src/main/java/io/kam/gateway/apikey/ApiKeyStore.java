package io.kam.gateway.apikey;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.problem.ProblemException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** API keys in the gateway's own database. Revoking notifies every instance (see ApiKeyCache). */
@Singleton
public class ApiKeyStore {

  public static final String CHANNEL = "kam_api_keys";

  public record StoredKey(UUID id, String name, String prefix, String secretHash, Set<String> roles,
      Instant createdAt, String createdBy, Instant revokedAt) {}

  private final AgroalDataSource dataSource;

  public ApiKeyStore(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public StoredKey create(String name, Set<String> roles, String createdBy, String prefix, String secretHash, Instant now) {
    StoredKey key = new StoredKey(UUID.randomUUID(), name, prefix, secretHash, roles, now, createdBy, null);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "insert into api_key (id, name, prefix, secret_hash, roles, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (name) do nothing")) {
      ps.setObject(1, key.id());
      ps.setString(2, name);
      ps.setString(3, prefix);
      ps.setString(4, secretHash);
      ps.setString(5, String.join(",", roles));
      ps.setTimestamp(6, Timestamp.from(now));
      ps.setString(7, createdBy);
      if (ps.executeUpdate() == 0) {
        throw ProblemException.conflict("an API key named " + name + " exists already");
      }
      return key;
    } catch (SQLException e) {
      throw new IllegalStateException("the API key could not be stored", e);
    }
  }

  public List<StoredKey> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from api_key order by created_at, name");
        ResultSet rs = ps.executeQuery()) {
      List<StoredKey> out = new ArrayList<>();
      while (rs.next()) {
        out.add(map(rs));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("API keys could not be read", e);
    }
  }

  public Optional<StoredKey> byPrefix(String prefix) {
    return one("select " + COLUMNS + " from api_key where prefix = ?", prefix);
  }

  public Optional<StoredKey> byId(UUID id) {
    return one("select " + COLUMNS + " from api_key where id = ?", id);
  }

  /** Marks the key revoked and tells every gateway instance, in the same transaction. */
  public boolean revoke(UUID id, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      String prefix;
      try (PreparedStatement ps = c.prepareStatement(
          "update api_key set revoked_at = ? where id = ? and revoked_at is null returning prefix")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setObject(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          prefix = rs.next() ? rs.getString(1) : null;
        }
      }
      if (prefix != null) {
        try (PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
          ps.setString(1, CHANNEL);
          ps.setString(2, prefix);
          ps.execute();
        }
      }
      c.commit();
      return prefix != null;
    } catch (SQLException e) {
      throw new IllegalStateException("the API key could not be revoked", e);
    }
  }

  private static final String COLUMNS = "id, name, prefix, secret_hash, roles, created_at, created_by, revoked_at";

  private Optional<StoredKey> one(String sql, Object arg) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("API key could not be read", e);
    }
  }

  private static StoredKey map(ResultSet rs) throws SQLException {
    Timestamp revoked = rs.getTimestamp(8);
    return new StoredKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
        new LinkedHashSet<>(Arrays.asList(rs.getString(5).split(","))), rs.getTimestamp(6).toInstant(),
        rs.getString(7), revoked == null ? null : revoked.toInstant());
  }
}
