package io.kam.gateway.apikey;

import io.kam.chassis.time.KamClock;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.TreeSet;

/** Creates keys (prefix + secret, only the hash stored) and revokes them everywhere. */
@Singleton
public class ApiKeyIssuer {

  private final ApiKeyStore store;
  private final ApiKeyAuthenticator authenticator;
  private final KamClock clock;

  public ApiKeyIssuer(ApiKeyStore store, ApiKeyAuthenticator authenticator, KamClock clock) {
    this.store = store;
    this.authenticator = authenticator;
    this.clock = clock;
  }

  /** A key just created, with its secret in clear (shown once, never stored). */
  public record Issued(ApiKeyStore.StoredKey key, String secret) {}

  public Issued issue(String name, Set<String> roles, String createdBy) {
    String prefix = ApiKeySecrets.newPrefix();
    String secret = ApiKeySecrets.newSecret();
    ApiKeyStore.StoredKey k =
        store.create(
            name, new TreeSet<>(roles), createdBy, prefix, ApiKeySecrets.hash(secret), clock.now());
    return new Issued(k, ApiKeySecrets.format(prefix, secret));
  }

  public void revoke(ApiKeyStore.StoredKey key) {
    store.revoke(key.id(), clock.now());
    authenticator.evict(key.prefix());
  }
}
