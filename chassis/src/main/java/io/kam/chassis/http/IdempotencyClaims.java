package io.kam.chassis.http;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.problem.ProblemException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rows behind {@link Idempotency}. A claim is committed on its own (so a concurrent duplicate
 * sees it at once and gets 409) with an owner token and a lease; the completion runs in the
 * transaction of the effect and only for the claim's current owner, so an effect commits
 * exactly when its stored response does. Times are the database's, the same for every instance.
 */
@Singleton
public class IdempotencyClaims {

  private static final String TABLE = "kam_chassis.idempotency_key";
  private final AgroalDataSource dataSource;
  private final long ttlSeconds;
  private final long leaseSeconds;

  public IdempotencyClaims(
      AgroalDataSource dataSource,
      @ConfigProperty(name = "kam.idempotency.ttl", defaultValue = "24h") Duration ttl,
      @ConfigProperty(name = "kam.idempotency.lease", defaultValue = "60s") Duration lease) {
    this.dataSource = dataSource;
    this.ttlSeconds = Math.max(1, ttl.toSeconds());
    this.leaseSeconds = Math.max(1, lease.toSeconds());
  }

  /** A claim the caller now owns (run the action), or the stored response (replay it). */
  public record Claim(UUID token, Response replay) {}

  /**
   * Claims (scope, key) for a request with fingerprint {@code hash}: a new key, a key past its
   * TTL, or a RUNNING claim of the same request whose lease ran out (its process died) is taken;
   * otherwise the stored response is replayed, another body is 422 and a live claim 409.
   */
  public Claim claim(String scope, String key, String hash) {
    UUID token = UUID.randomUUID();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "insert into " + TABLE + " (scope, idem_key, request_hash, state, owner_token, locked_until)"
              + " values (?, ?, ?, 'RUNNING', ?, now() + make_interval(secs => ?)) on conflict do nothing")) {
        ps.setString(1, scope);
        ps.setString(2, key);
        ps.setString(3, hash);
        ps.setObject(4, token);
        ps.setLong(5, leaseSeconds);
        if (ps.executeUpdate() == 1) {
          return new Claim(token, null);
        }
      }
      // Blocks while a completion of this key is uncommitted, then sees it DONE and takes nothing.
      try (PreparedStatement ps = c.prepareStatement(
          "update " + TABLE + " set request_hash = ?, state = 'RUNNING', owner_token = ?,"
              + " locked_until = now() + make_interval(secs => ?), status = null, content_type = null, body = null,"
              + " location = null, etag = null,"
              + " created_at = case when created_at < now() - make_interval(secs => ?) then now() else created_at end"
              + " where scope = ? and idem_key = ? and (created_at < now() - make_interval(secs => ?)"
              + " or (state = 'RUNNING' and request_hash = ? and (locked_until is null or locked_until < now())))")) {
        ps.setString(1, hash);
        ps.setObject(2, token);
        ps.setLong(3, leaseSeconds);
        ps.setLong(4, ttlSeconds);
        ps.setString(5, scope);
        ps.setString(6, key);
        ps.setLong(7, ttlSeconds);
        ps.setString(8, hash);
        if (ps.executeUpdate() == 1) {
          return new Claim(token, null);
        }
      }
      return new Claim(null, stored(c, scope, key, hash));
    } catch (SQLException e) {
      throw new IllegalStateException("idempotency key could not be claimed", e);
    }
  }

  private static Response stored(Connection c, String scope, String key, String hash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "select request_hash, state, status, content_type, body, location, etag from " + TABLE
            + " where scope = ? and idem_key = ?")) {
      ps.setString(1, scope);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ProblemException.conflict("Idempotency-Key: the first request with this key just ended; retry");
        }
        if (!rs.getString(1).equals(hash)) {
          throw ProblemException.unprocessable("Idempotency-Key: already used with a different request body");
        }
        if (!"DONE".equals(rs.getString(2))) {
          throw ProblemException.conflict("Idempotency-Key: a request with this key is still in progress; retry later");
        }
        Response.ResponseBuilder rb = Response.status(rs.getInt(3)).header(Idempotency.REPLAYED, "true");
        if (rs.getString(5) != null) {
          rb.entity(rs.getString(5)).type(rs.getString(4));
        }
        if (rs.getString(6) != null) {
          rb.header("Location", rs.getString(6));
        }
        if (rs.getString(7) != null) {
          rb.header("ETag", rs.getString(7));
        }
        return rb.build();
      }
    }
  }

  /**
   * Stores the response as DONE; call it inside the effect's transaction (the connection joins
   * it). A claim taken over meanwhile (its lease ran out) is 409, which rolls the effect back.
   */
  public void complete(String scope, String key, UUID token, Stored response) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "update " + TABLE + " set state = 'DONE', status = ?, content_type = ?, body = ?, location = ?, etag = ?,"
                + " locked_until = null where scope = ? and idem_key = ? and owner_token = ? and state = 'RUNNING'")) {
      ps.setInt(1, response.status());
      ps.setString(2, response.contentType());
      ps.setString(3, response.body());
      ps.setString(4, response.location());
      ps.setString(5, response.etag());
      ps.setString(6, scope);
      ps.setString(7, key);
      ps.setObject(8, token);
      if (ps.executeUpdate() != 1) {
        throw ProblemException.conflict(
            "Idempotency-Key: this request outlived its claim and another attempt took it over; nothing was changed");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("idempotent response could not be stored", e);
    }
  }

  /** The response as it is kept for replays. */
  public record Stored(int status, String contentType, String body, String location, String etag) {}

  /** Gives the key back after a failed attempt (nothing was changed), so a retry runs again. */
  public boolean release(String scope, String key, UUID token) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "delete from " + TABLE + " where scope = ? and idem_key = ? and owner_token = ? and state = 'RUNNING'")) {
      ps.setString(1, scope);
      ps.setString(2, key);
      ps.setObject(3, token);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      // The claim then stays RUNNING until its lease runs out; a retry takes it over after that.
      return false;
    }
  }

  /** Deletes keys past their TTL, except a claim whose lease still runs. */
  public int removeExpired() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "delete from " + TABLE + " where created_at < now() - make_interval(secs => ?)"
                + " and (locked_until is null or locked_until < now())")) {
      ps.setLong(1, ttlSeconds);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("expired idempotency keys could not be removed", e);
    }
  }
}
