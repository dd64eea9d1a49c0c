package io.kam.chassis.security;

import io.kam.chassis.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the gateway's credential: user id (JWT subject), roles and, for integration
 * partners, the API key's name. {@link #origin()} is what writes record as "who".
 */
@RequestScoped
public class Caller {

  public static final String KEY_NAME_CLAIM = "kam_key";

  /** Set by authentication mechanisms that are not JWTs (the gateway's API keys). */
  public static final String KEY_NAME_ATTRIBUTE = "kam.apiKeyName";

  private final SecurityIdentity identity;
  private final JsonWebToken jwt;

  public Caller(SecurityIdentity identity, JsonWebToken jwt) {
    this.identity = identity;
    this.jwt = jwt;
  }

  public boolean isAnonymous() {
    return identity.isAnonymous();
  }

  public String userId() {
    return identity.isAnonymous() ? null : identity.getPrincipal().getName();
  }

  public Set<String> roles() {
    return identity.getRoles();
  }

  public String apiKeyName() {
    Object attribute = identity.getAttribute(KEY_NAME_ATTRIBUTE);
    if (attribute != null) {
      return attribute.toString();
    }
    return jwt == null || jwt.getRawToken() == null ? null : jwt.getClaim(KEY_NAME_CLAIM);
  }

  public boolean hasRole(String role) {
    return identity.hasRole(role);
  }

  public boolean hasAnyRole(String... roles) {
    return Arrays.stream(roles).anyMatch(identity::hasRole);
  }

  /** "api-key:NAME" for partners, "user:ID" otherwise: who made a change. */
  public String origin() {
    String key = apiKeyName();
    return key != null ? "api-key:" + key : "user:" + userId();
  }

  /** 403 unless the caller has one of {@code roles}. */
  public void require(String... roles) {
    if (!hasAnyRole(roles)) {
      throw ProblemException.forbidden("this needs one of the roles " + String.join(", ", roles));
    }
  }
}
