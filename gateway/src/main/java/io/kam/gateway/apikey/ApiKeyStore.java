package io.kam.gateway.apikey;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * API keys in the gateway's own database. Callers get immutable {@link StoredKey}s, never the
 * entity, so the authenticator's cache holds nothing attached to a session. Revoking notifies every
 * instance (see ApiKeyRevocations). Every method is its own transaction (or joins the caller's):
 * the lookups also run on worker threads outside any request.
 */
@Singleton
public class ApiKeyStore {

  public static final String CHANNEL = "kam_api_keys";

  public record StoredKey(
      UUID id,
      String name,
      String prefix,
      String secretHash,
      Set<String> roles,
      Instant createdAt,
      String createdBy,
      Instant revokedAt) {}

  private final ApiKeyRepository keys;
  private final Jdbc jdbc;
  private final Event<ApiKeyRevoked> revoked;

  public ApiKeyStore(ApiKeyRepository keys, Jdbc jdbc, Event<ApiKeyRevoked> revoked) {
    this.keys = keys;
    this.jdbc = jdbc;
    this.revoked = revoked;
  }

  @Transactional
  public StoredKey create(
      String name,
      Set<String> roles,
      String createdBy,
      String prefix,
      String secretHash,
      Instant now) {
    if (keys.nameTaken(name)) {
      throw nameTaken(name);
    }
    ApiKey key = new ApiKey();
    key.id = UUID.randomUUID();
    key.name = name;
    key.prefix = prefix;
    key.secretHash = secretHash;
    key.roles = String.join(",", roles);
    key.createdAt = now;
    key.createdBy = createdBy;
    try {
      keys.persistAndFlush(key);
    } catch (ConstraintViolationException e) {
      throw nameTaken(name); // issued meanwhile under the same name (the unique index decided)
    }
    return view(key);
  }

  @Transactional
  public List<StoredKey> list() {
    return keys.oldestFirst().stream().map(ApiKeyStore::view).toList();
  }

  @Transactional
  public Optional<StoredKey> byPrefix(String prefix) {
    return keys.byPrefix(prefix).map(ApiKeyStore::view);
  }

  @Transactional
  public Optional<StoredKey> byId(UUID id) {
    return keys.findByIdOptional(id).map(ApiKeyStore::view);
  }

  /** Marks the key revoked and tells every gateway instance, in the same transaction. */
  @Transactional
  public boolean revoke(UUID id, Instant now) {
    Optional<ApiKey> key = keys.lock(id);
    if (key.isEmpty() || key.get().revokedAt != null) {
      return false;
    }
    key.get().revokedAt = now;
    keys.flush();
    jdbc.execute(
        "select pg_notify(:channel, :prefix)",
        SqlParams.of("channel", CHANNEL, "prefix", key.get().prefix));
    revoked.fire(new ApiKeyRevoked(key.get().name));
    return true;
  }

  private static ProblemException nameTaken(String name) {
    return ProblemException.conflict("an API key named " + name + " exists already");
  }

  private static StoredKey view(ApiKey k) {
    return new StoredKey(
        k.id,
        k.name,
        k.prefix,
        k.secretHash,
        new LinkedHashSet<>(Arrays.asList(k.roles.split(","))),
        k.createdAt,
        k.createdBy,
        k.revokedAt);
  }
}
