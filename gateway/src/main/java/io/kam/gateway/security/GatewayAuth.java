package io.kam.gateway.security;

import io.kam.chassis.problem.ProblemException;
import io.kam.gateway.apikey.ApiKeyAuthenticator;
import io.kam.gateway.routing.DownstreamAuth;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Authenticates every proxied call (bearer JWT or X-API-Key)
 * and turns the caller into the services' credential. Missing or bad credentials: 401 with
 * WWW-Authenticate.
 */
@Singleton
public class GatewayAuth implements DownstreamAuth {

  public static final String CALLER_KEY = "kam.caller";

  private final BearerTokens bearer;
  private final ApiKeyAuthenticator apiKeys;
  private final InternalCredentials internal;
  private final RateLimits rateLimits;

  public GatewayAuth(
      BearerTokens bearer, ApiKeyAuthenticator apiKeys, InternalCredentials internal, RateLimits rateLimits) {
    this.bearer = bearer;
    this.apiKeys = apiKeys;
    this.internal = internal;
    this.rateLimits = rateLimits;
  }

  @Override
  public Future<String> credentialFor(RoutingContext rc) {
    return identify(rc).compose(caller -> {
      rc.put(CALLER_KEY, caller);
      rateLimits.acquire(caller);
      return internal.headerFor(caller);
    });
  }

  /** The caller of this request, or a failed future with a 401 problem. */
  public Future<CallerIdentity> identify(RoutingContext rc) {
    String authorization = rc.request().getHeader("Authorization");
    String apiKey = rc.request().getHeader(ApiKeyAuthenticator.HEADER);
    try {
      if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return Future.succeededFuture(bearer.validate(authorization.substring(7).trim()));
      }
      if (apiKey != null && !apiKey.isBlank()) {
        return apiKeys.authenticate(apiKey.trim());
      }
      return Future.failedFuture(BearerTokens.unauthorized("send a bearer token or an API key"));
    } catch (ProblemException e) {
      return Future.failedFuture(e);
    }
  }
}
