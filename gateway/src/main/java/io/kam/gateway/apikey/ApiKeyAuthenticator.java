package io.kam.gateway.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kam.chassis.problem.ProblemException;
import io.kam.gateway.security.CallerIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Authenticates {@code X-API-Key}. A key of the wrong format is refused before any lookup; a
 * well-formed one is looked up by prefix on a worker thread once, then served from a bounded cache.
 * A revocation anywhere evicts at once (LISTEN/NOTIFY), and no lookup that started before an
 * eviction may put its (possibly stale) row back: every eviction moves a generation on, and a row
 * is cached only if the generation did not move while it was read. While the revocation listener is
 * not connected nothing is served from the cache. Entries are re-read after a minute as a safety
 * net.
 */
@Singleton
public class ApiKeyAuthenticator {

  public static final String HEADER = "X-API-Key";
  private static final Duration TTL = Duration.ofMinutes(1);
  private static final int MAX_CACHED = 10_000;

  private final ApiKeyStore store;
  private final Vertx vertx;
  private final ApiKeyRevocations revocations;
  private final AtomicLong generation = new AtomicLong();
  private final Cache<String, Optional<ApiKeyStore.StoredKey>> cache =
      Caffeine.newBuilder().maximumSize(MAX_CACHED).expireAfterWrite(TTL).build();

  public ApiKeyAuthenticator(ApiKeyStore store, Vertx vertx, ApiKeyRevocations revocations) {
    this.store = store;
    this.vertx = vertx;
    this.revocations = revocations;
    revocations.onRevoked(this::evict);
  }

  void evict(String prefix) {
    generation.incrementAndGet(); // before the removal: a lookup under way can no longer cache
    if ("*".equals(prefix)) {
      cache.invalidateAll();
    } else {
      cache.invalidate(prefix);
    }
  }

  public Future<CallerIdentity> authenticate(String presented) {
    ApiKeySecrets.Parsed parsed = ApiKeySecrets.parse(presented);
    if (parsed == null) {
      return Future.failedFuture(invalid());
    }
    Optional<ApiKeyStore.StoredKey> hit = cached(parsed.prefix());
    if (hit != null) {
      return verify(hit, parsed);
    }
    return vertx
        .executeBlocking(() -> load(parsed.prefix()), false)
        .compose(key -> verify(key, parsed));
  }

  /** Blocking variant for Quarkus's authentication mechanism (runs on a worker thread). */
  public CallerIdentity authenticateBlocking(String presented) {
    ApiKeySecrets.Parsed parsed = ApiKeySecrets.parse(presented);
    if (parsed == null) {
      throw invalid();
    }
    Optional<ApiKeyStore.StoredKey> hit = cached(parsed.prefix());
    return identityOf(hit != null ? hit : load(parsed.prefix()), parsed);
  }

  private Optional<ApiKeyStore.StoredKey> cached(String prefix) {
    return revocations.isListening() ? cache.getIfPresent(prefix) : null;
  }

  private Optional<ApiKeyStore.StoredKey> load(String prefix) {
    long before = generation.get();
    Optional<ApiKeyStore.StoredKey> key;
    try {
      key = store.byPrefix(prefix);
    } catch (RuntimeException e) {
      // The key store (the gateway's database) does not answer: not the caller's fault, and not
      // a reason to count an authentication failure against its address.
      throw unavailable();
    }
    if (revocations.isListening()) {
      cache.asMap().compute(prefix, (p, old) -> generation.get() == before ? key : old);
    }
    return key;
  }

  private static Future<CallerIdentity> verify(
      Optional<ApiKeyStore.StoredKey> key, ApiKeySecrets.Parsed parsed) {
    try {
      return Future.succeededFuture(identityOf(key, parsed));
    } catch (ProblemException e) {
      return Future.failedFuture(e);
    }
  }

  private static CallerIdentity identityOf(
      Optional<ApiKeyStore.StoredKey> key, ApiKeySecrets.Parsed parsed) {
    if (key.isEmpty()
        || key.get().revokedAt() != null
        || !ApiKeySecrets.matches(parsed.secret(), key.get().secretHash())) {
      throw invalid();
    }
    ApiKeyStore.StoredKey k = key.get();
    return new CallerIdentity("api-key:" + k.name(), k.roles(), k.name());
  }

  /** The database holding the keys is unreachable: try again later, or use a bearer token. */
  static ProblemException unavailable() {
    return new ProblemException(
        503,
        "Service Unavailable",
        "API keys cannot be checked now (the key store is unreachable); try again later",
        null,
        Map.of("Retry-After", "30"));
  }

  static ProblemException invalid() {
    return new ProblemException(
        401,
        "Unauthorized",
        "the API key is not valid or was revoked",
        null,
        Map.of("WWW-Authenticate", "Bearer, ApiKey header=\"" + HEADER + "\""));
  }
}
