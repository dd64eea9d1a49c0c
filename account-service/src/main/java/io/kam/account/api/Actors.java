package io.kam.account.api;

import io.kam.account.domain.Actor;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;

/** The caller of this request as the domain sees it. */
@RequestScoped
public class Actors {

  static final String[] READERS = {
    Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN
  };

  private final Caller caller;

  public Actors(Caller caller) {
    this.caller = caller;
  }

  public Actor current() {
    return new Actor(caller.userId(), Set.copyOf(caller.roles()), caller.origin());
  }

  /**
   * The user whose accounts {@code mine=true} lists: the caller's user id (the JWT subject the
   * gateway forwards). An API key stands for a partner system, which owns no accounts: 400.
   */
  public String userForMine() {
    if (caller.apiKeyName() != null || caller.userId() == null) {
      throw QueryParams.bad(
          "mine", "lists the caller's own accounts and needs a user; an API key has none");
    }
    return caller.userId();
  }

  public String origin() {
    return caller.origin();
  }
}
