package io.kam.gateway.apikey;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.security.Caller;
import io.kam.gateway.security.CallerIdentity;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.Set;

/** Lets the gateway's own endpoints (/api/v1/me, ...) accept X-API-Key like the proxied ones. */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

  private final ApiKeyAuthenticator keys;

  public ApiKeyMechanism(ApiKeyAuthenticator keys) {
    this.keys = keys;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String presented = context.request().getHeader(ApiKeyAuthenticator.HEADER);
    if (presented == null || presented.isBlank()) {
      return Uni.createFrom().optional(java.util.Optional.empty());
    }
    return Uni.createFrom()
        .item(() -> toIdentity(keys.authenticateBlocking(presented.trim())))
        .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
        .onFailure()
        .transform(
            e ->
                e instanceof ProblemException p && p.status() == 503
                    ? e
                    : new AuthenticationFailedException(e.getMessage()));
  }

  private static SecurityIdentity toIdentity(CallerIdentity caller) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(caller.userId()))
        .addRoles(caller.roles())
        .addAttribute(Caller.KEY_NAME_ATTRIBUTE, caller.apiKeyName())
        .build();
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom()
        .item(new ChallengeData(401, "WWW-Authenticate", "ApiKey header=\"X-API-Key\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Collections.emptySet();
  }
}
