package io.kam.gateway.apikey;

import io.kam.chassis.problem.ProblemException;
import io.kam.gateway.security.CallerIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates {@code X-API-Key}. Keys are looked up by prefix on a worker thread once, then
 * served from memory; a revocation anywhere evicts at once (LISTEN/NOTIFY), and entries are
 * re-read after a minute as a safety net.
 */
@Singleton
public class ApiKeyAuthenticator {

  public static final String HEADER = "X-API-Key";
  private static final long TTL_MILLIS = 60_000;

  private record Cached(Optional<ApiKeyStore.StoredKey> key, long loadedAt) {}

  private final ApiKeyStore store;
  private final Vertx vertx;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public ApiKeyAuthenticator(ApiKeyStore store, Vertx vertx, ApiKeyRevocations revocations) {
    this.store = store;
    this.vertx = vertx;
    revocations.onRevoked(this::evict);
  }

  void evict(String prefix) {
    if ("*".equals(prefix)) {
      cache.clear();
    } else {
      cache.remove(prefix);
    }
  }

  public Future<CallerIdentity> authenticate(String presented) {
    ApiKeySecrets.Parsed parsed = ApiKeySecrets.parse(presented);
    if (parsed == null) {
      return Future.failedFuture(invalid());
    }
    Cached hit = cache.get(parsed.prefix());
    if (hit != null && System.currentTimeMillis() - hit.loadedAt() < TTL_MILLIS) {
      return verify(hit.key(), parsed);
    }
    return vertx
        .executeBlocking(() -> store.byPrefix(parsed.prefix()), false)
        .compose(key -> {
          cache.put(parsed.prefix(), new Cached(key, System.currentTimeMillis()));
          return verify(key, parsed);
        });
  }

  /** Blocking variant for Quarkus's authentication mechanism (runs on a worker thread). */
  public CallerIdentity authenticateBlocking(String presented) {
    ApiKeySecrets.Parsed parsed = ApiKeySecrets.parse(presented);
    if (parsed == null) {
      throw invalid();
    }
    Cached hit = cache.get(parsed.prefix());
    Optional<ApiKeyStore.StoredKey> key;
    if (hit != null && System.currentTimeMillis() - hit.loadedAt() < TTL_MILLIS) {
      key = hit.key();
    } else {
      key = store.byPrefix(parsed.prefix());
      cache.put(parsed.prefix(), new Cached(key, System.currentTimeMillis()));
    }
    return identityOf(key, parsed);
  }

  private static Future<CallerIdentity> verify(Optional<ApiKeyStore.StoredKey> key, ApiKeySecrets.Parsed parsed) {
    try {
      return Future.succeededFuture(identityOf(key, parsed));
    } catch (ProblemException e) {
      return Future.failedFuture(e);
    }
  }

  private static CallerIdentity identityOf(Optional<ApiKeyStore.StoredKey> key, ApiKeySecrets.Parsed parsed) {
    if (key.isEmpty() || key.get().revokedAt() != null || !ApiKeySecrets.matches(parsed.secret(), key.get().secretHash())) {
      throw invalid();
    }
    ApiKeyStore.StoredKey k = key.get();
    return new CallerIdentity("api-key:" + k.name(), k.roles(), k.name());
  }

  static ProblemException invalid() {
    return new ProblemException(401, "Unauthorized", "the API key is not valid or was revoked", null,
        Map.of("WWW-Authenticate", "Bearer, ApiKey header=\"" + HEADER + "\""));
  }
}
