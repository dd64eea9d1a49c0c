package io.kam.gateway.apikey;

/**
 * Fired inside the transaction that revokes an API key, so whatever the key owns (its webhook
 * subscriptions) stops with it, atomically.
 */
public record ApiKeyRevoked(String name) {

  /** How the key's writes and subscriptions name their origin. */
  public String origin() {
    return "api-key:" + name;
  }
}
