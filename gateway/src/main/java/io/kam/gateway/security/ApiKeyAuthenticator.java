package io.kam.gateway.security;

import io.vertx.core.Future;
import jakarta.inject.Singleton;

/** API keys of integration partners (X-API-Key). Until keys can be issued, every key is unknown. */
@Singleton
public class ApiKeyAuthenticator {

  public static final String HEADER = "X-API-Key";

  public Future<CallerIdentity> authenticate(String presentedKey) {
    return Future.failedFuture(
        new io.kam.chassis.problem.ProblemException(401, "Unauthorized", "the API key is not valid", null,
            java.util.Map.of("WWW-Authenticate", "Bearer, ApiKey")));
  }
}
