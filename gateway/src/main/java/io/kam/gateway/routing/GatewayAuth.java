package io.kam.gateway.routing;

import io.kam.chassis.problem.ProblemException;
import io.kam.gateway.apikey.ApiKeyAuthenticator;
import io.kam.gateway.edge.AddressLimits;
import io.kam.gateway.edge.ClientAddresses;
import io.kam.gateway.security.BearerTokens;
import io.kam.gateway.security.CallerIdentity;
import io.kam.gateway.security.InternalCredentials;
import io.kam.gateway.security.RateLimits;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Authenticates every call the gateway answers or proxies (bearer JWT or X-API-Key), applies the
 * caller's rate limit and turns the caller into the services' credential. Missing or bad
 * credentials: 401 with WWW-Authenticate, counted against the client address (see {@link
 * AddressLimits}).
 */
@Singleton
public class GatewayAuth {

  public static final String CALLER_KEY = "kam.caller";

  /** Longer than any real token: refused before it is parsed. */
  private static final int MAX_TOKEN_LENGTH = 8192;

  private final BearerTokens bearer;
  private final ApiKeyAuthenticator apiKeys;
  private final InternalCredentials internal;
  private final RateLimits rateLimits;
  private final ClientAddresses addresses;
  private final AddressLimits addressLimits;

  public GatewayAuth(
      BearerTokens bearer,
      ApiKeyAuthenticator apiKeys,
      InternalCredentials internal,
      RateLimits rateLimits,
      ClientAddresses addresses,
      AddressLimits addressLimits) {
    this.bearer = bearer;
    this.apiKeys = apiKeys;
    this.internal = internal;
    this.rateLimits = rateLimits;
    this.addresses = addresses;
    this.addressLimits = addressLimits;
  }

  /**
   * The value of the Authorization header to send to {@code service} (valid for that service only).
   */
  public Future<String> credentialFor(RoutingContext rc, String service) {
    return admit(rc).compose(caller -> internal.headerFor(caller, service));
  }

  /** The caller, within its rate limit; else a failed future with a 401 or 429 problem. */
  public Future<CallerIdentity> admit(RoutingContext rc) {
    return identify(rc)
        .compose(
            caller -> {
              rc.put(CALLER_KEY, caller);
              try {
                rc.response()
                    .putHeader(RateLimits.LIMIT_HEADER, String.valueOf(rateLimits.acquire(caller)));
                return Future.succeededFuture(caller);
              } catch (ProblemException e) {
                return Future.failedFuture(e);
              }
            });
  }

  /** The caller of this request, or a failed future with a 401 problem. */
  public Future<CallerIdentity> identify(RoutingContext rc) {
    String authorization = rc.request().getHeader("Authorization");
    String apiKey = rc.request().getHeader(ApiKeyAuthenticator.HEADER);
    Future<CallerIdentity> caller;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorization.substring(7).trim();
      caller =
          token.length() > MAX_TOKEN_LENGTH
              ? Future.failedFuture(BearerTokens.unauthorized("the bearer token is not valid"))
              : bearer.validate(token);
    } else if (apiKey != null && !apiKey.isBlank()) {
      caller = apiKeys.authenticate(apiKey.trim());
    } else {
      caller = Future.failedFuture(BearerTokens.unauthorized("send a bearer token or an API key"));
    }
    return caller.onFailure(
        err -> {
          if (err instanceof ProblemException p && p.status() == 401) {
            addressLimits.recordFailure(addresses.of(rc));
          }
        });
  }
}
