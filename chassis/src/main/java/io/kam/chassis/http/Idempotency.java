package io.kam.chassis.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.kam.chassis.problem.ProblemException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Idempotency-Key for creating POSTs and bulk endpoints, safe across instances (the claim is a
 * row in the database): the same key with the same body replays the first response, with
 * another body is 422, while the first is still running 409. Keys expire after
 * {@code kam.idempotency.ttl} (default 24 hours). Call it outside a transaction: the action
 * runs in its own.
 */
@Singleton
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  private final AgroalDataSource dataSource;
  private final ObjectMapper json;
  private final Duration ttl;

  public Idempotency(
      AgroalDataSource dataSource,
      ObjectMapper json,
      @ConfigProperty(name = "kam.idempotency.ttl", defaultValue = "24h") Duration ttl) {
    this.dataSource = dataSource;
    this.json = json;
    this.ttl = ttl;
  }

  /** Runs {@code action} once per (scope, key); {@code scope} names the caller and the operation. */
  public Response run(String key, String scope, Object request, Supplier<Response> action) {
    if (key == null || key.isBlank()) {
      return action.get();
    }
    if (key.length() > 200) {
      throw ProblemException.badRequest("Idempotency-Key: at most 200 characters");
    }
    String hash = hash(scope, request);
    Response replay = claim(scope, key, hash);
    if (replay != null) {
      return replay;
    }
    Response response;
    try {
      response = action.get();
    } catch (RuntimeException e) {
      release(scope, key);
      throw e;
    }
    store(scope, key, response);
    return response;
  }

  private Response claim(String scope, String key, String hash) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement("delete from kam_chassis.idempotency_key where scope = ? and idem_key = ? and created_at < ?")) {
        ps.setString(1, scope);
        ps.setString(2, key);
        ps.setTimestamp(3, Timestamp.from(Instant.now().minus(ttl)));
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into kam_chassis.idempotency_key (scope, idem_key, request_hash, state) values (?, ?, ?, 'RUNNING')"
                  + " on conflict do nothing")) {
        ps.setString(1, scope);
        ps.setString(2, key);
        ps.setString(3, hash);
        if (ps.executeUpdate() == 1) {
          return null;
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "select request_hash, state, status, content_type, body, location, etag from kam_chassis.idempotency_key"
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
            throw ProblemException.conflict("Idempotency-Key: a request with this key is still in progress");
          }
          Response.ResponseBuilder rb = Response.status(rs.getInt(3)).header("Idempotent-Replayed", "true");
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
    } catch (SQLException e) {
      throw new IllegalStateException("idempotency key could not be checked", e);
    }
  }

  private void store(String scope, String key, Response response) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update kam_chassis.idempotency_key set state = 'DONE', status = ?, content_type = ?, body = ?,"
                    + " location = ?, etag = ? where scope = ? and idem_key = ?")) {
      Object entity = response.getEntity();
      ps.setInt(1, response.getStatus());
      ps.setString(2, response.getMediaType() == null ? "application/json" : response.getMediaType().toString());
      ps.setString(3, entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity));
      ps.setString(4, response.getLocation() == null ? null : response.getLocation().toString());
      Object etag = response.getHeaders().getFirst("ETag");
      ps.setString(5, etag == null ? null : etag.toString());
      ps.setString(6, scope);
      ps.setString(7, key);
      ps.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("idempotent response could not be stored", e);
    }
  }

  private void release(String scope, String key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("delete from kam_chassis.idempotency_key where scope = ? and idem_key = ?")) {
      ps.setString(1, scope);
      ps.setString(2, key);
      ps.executeUpdate();
    } catch (SQLException e) {
      // The key then stays RUNNING until it expires; the client sees 409 and can use a new key.
    }
  }

  private String hash(String scope, Object request) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(scope.getBytes(StandardCharsets.UTF_8));
      md.update(json.writeValueAsBytes(request));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
