package io.kam.planning.domain;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * docs/api.md ownership: kam-manager and admin write every plan; a kam writes the plans of accounts
 * it owns or is on the team of, per the account read model; everyone else only reads.
 */
@ApplicationScoped
public class PlanAccess {

  private final Caller caller;
  private final AccountRepository accounts;

  public PlanAccess(Caller caller, AccountRepository accounts) {
    this.caller = caller;
    this.accounts = accounts;
  }

  public void requireWrite(UUID accountId) {
    if (caller.hasAnyRole(Roles.ADMIN, Roles.KAM_MANAGER)) {
      return;
    }
    if (caller.hasRole(Roles.KAM)) {
      Account account = accounts.findById(accountId);
      if (account != null && account.isManagedBy(caller.userId())) {
        return;
      }
      throw ProblemException.forbidden(
          "a kam writes only plans of accounts it owns or is on the team of");
    }
    throw ProblemException.forbidden("writing plans needs the role kam, kam-manager or admin");
  }

  /** kam-manager or admin: may end a review a high risk started. */
  public boolean isManager() {
    return caller.hasAnyRole(Roles.ADMIN, Roles.KAM_MANAGER);
  }

  /** Who made a change, as recorded on reviews. */
  public String who() {
    return caller.origin();
  }
}
