package io.kam.chassis.http;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rows behind {@link Idempotency}. A claim is committed on its own (so a concurrent duplicate
 * sees it at once and gets 409) with an owner token and a lease; the completion runs in the
 * transaction of the effect and only for the claim's current owner, so an effect commits exactly
 * when its stored response does. Times are the database's, the same for every instance.
 */
@Singleton
public class IdempotencyClaims {

  private static final String TABLE = "kam_chassis.idempotency_key";
  private final Jdbc jdbc;
  private final long ttlSeconds;
  private final long leaseSeconds;

  public IdempotencyClaims(
      Jdbc jdbc,
      @ConfigProperty(name = "kam.idempotency.ttl", defaultValue = "24h") Duration ttl,
      @ConfigProperty(name = "kam.idempotency.lease", defaultValue = "60s") Duration lease) {
    this.jdbc = jdbc;
    this.ttlSeconds = Math.max(1, ttl.toSeconds());
    this.leaseSeconds = Math.max(1, lease.toSeconds());
  }

  /** A claim the caller now owns (run the action), or the stored response (replay it). */
  public record Claim(UUID token, Response replay) {}

  /**
   * Claims (scope, key) for a request with fingerprint {@code hash}: a new key, a key past its TTL,
   * or a RUNNING claim of the same request whose lease ran out (its process died) is taken;
   * otherwise the stored response is replayed, another body is 422 and a live claim 409.
   */
  public Claim claim(String scope, String key, String hash) {
    UUID token = UUID.randomUUID();
    SqlParams p =
        SqlParams.of(
            "scope",
            scope,
            "key",
            key,
            "hash",
            hash,
            "token",
            token,
            "lease",
            leaseSeconds,
            "ttl",
            ttlSeconds);
    if (jdbc.update(
            "insert into "
                + TABLE
                + " (scope, idem_key, request_hash, state, owner_token, locked_until)"
                + " values (:scope, :key, :hash, 'RUNNING', :token, now() + make_interval(secs => :lease))"
                + " on conflict do nothing",
            p)
        == 1) {
      return new Claim(token, null);
    }
    // Blocks while a completion of this key is uncommitted, then sees it DONE and takes nothing.
    if (jdbc.update(
            "update "
                + TABLE
                + " set request_hash = :hash, state = 'RUNNING', owner_token = :token,"
                + " locked_until = now() + make_interval(secs => :lease), status = null, content_type = null, body = null,"
                + " location = null, etag = null,"
                + " created_at = case when created_at < now() - make_interval(secs => :ttl) then now() else created_at end"
                + " where scope = :scope and idem_key = :key and (created_at < now() - make_interval(secs => :ttl)"
                + " or (state = 'RUNNING' and request_hash = :hash and (locked_until is null or locked_until < now())))",
            p)
        == 1) {
      return new Claim(token, null);
    }
    return new Claim(null, stored(scope, key, hash));
  }

  private record Row(
      String hash,
      String state,
      Integer status,
      String contentType,
      String body,
      String location,
      String etag) {}

  private Response stored(String scope, String key, String hash) {
    Row row =
        jdbc.one(
                "select request_hash, state, status, content_type, body, location, etag from "
                    + TABLE
                    + " where scope = :scope and idem_key = :key",
                SqlParams.of("scope", scope, "key", key),
                r ->
                    new Row(
                        r.string("request_hash"),
                        r.string("state"),
                        r.intValue("status"),
                        r.string("content_type"),
                        r.string("body"),
                        r.string("location"),
                        r.string("etag")))
            .orElseThrow(
                () ->
                    ProblemException.conflict(
                        "Idempotency-Key: the first request with this key just ended; retry"));
    if (!row.hash().equals(hash)) {
      throw ProblemException.unprocessable(
          "Idempotency-Key: already used with a different request body");
    }
    if (!"DONE".equals(row.state())) {
      throw ProblemException.conflict(
          "Idempotency-Key: a request with this key is still in progress; retry later");
    }
    Response.ResponseBuilder rb =
        Response.status(row.status()).header(Idempotency.REPLAYED, "true");
    if (row.body() != null) {
      rb.entity(row.body()).type(row.contentType());
    }
    if (row.location() != null) {
      rb.header("Location", row.location());
    }
    if (row.etag() != null) {
      rb.header("ETag", row.etag());
    }
    return rb.build();
  }

  /**
   * Stores the response as DONE; call it inside the effect's transaction (the connection joins it).
   * A claim taken over meanwhile (its lease ran out) is 409, which rolls the effect back.
   */
  public void complete(String scope, String key, UUID token, Stored response) {
    int updated =
        jdbc.update(
            "update "
                + TABLE
                + " set state = 'DONE', status = :status,"
                + " content_type = :contentType, body = :body, location = :location, etag = :etag, locked_until = null"
                + " where scope = :scope and idem_key = :key and owner_token = :token and state = 'RUNNING'",
            SqlParams.of(
                "status",
                response.status(),
                "contentType",
                response.contentType(),
                "body",
                response.body(),
                "location",
                response.location(),
                "etag",
                response.etag(),
                "scope",
                scope,
                "key",
                key,
                "token",
                token));
    if (updated != 1) {
      throw ProblemException.conflict(
          "Idempotency-Key: this request outlived its claim and another attempt took it over; nothing was changed");
    }
  }

  /** The response as it is kept for replays. */
  public record Stored(int status, String contentType, String body, String location, String etag) {}

  /** Gives the key back after a failed attempt (nothing was changed), so a retry runs again. */
  public boolean release(String scope, String key, UUID token) {
    try {
      return jdbc.update(
              "delete from "
                  + TABLE
                  + " where scope = :scope and idem_key = :key"
                  + " and owner_token = :token and state = 'RUNNING'",
              SqlParams.of("scope", scope, "key", key, "token", token))
          == 1;
    } catch (RuntimeException e) {
      // The claim then stays RUNNING until its lease runs out; a retry takes it over after that.
      return false;
    }
  }

  /** Deletes keys past their TTL, except a claim whose lease still runs. */
  public int removeExpired() {
    return jdbc.update(
        "delete from "
            + TABLE
            + " where created_at < now() - make_interval(secs => :ttl)"
            + " and (locked_until is null or locked_until < now())",
        SqlParams.of("ttl", ttlSeconds));
  }
}
