package io.kam.gateway.security;

import java.util.Set;

/** Who is calling the gateway: a user from a bearer JWT, or an integration partner's API key. */
public record CallerIdentity(String userId, Set<String> roles, String apiKeyName) {}
