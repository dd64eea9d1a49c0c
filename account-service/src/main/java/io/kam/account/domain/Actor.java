package io.kam.account.domain;

import io.kam.chassis.security.Roles;
import java.util.Set;

/** Who is changing something: the caller as the domain needs it, free of the request scope. */
public record Actor(String userId, Set<String> roles, String origin) {

  public boolean writesAll() {
    return roles.contains(Roles.KAM_MANAGER) || roles.contains(Roles.ADMIN);
  }

  public boolean isKam() {
    return roles.contains(Roles.KAM);
  }
}
