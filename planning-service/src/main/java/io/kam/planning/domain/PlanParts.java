package io.kam.planning.domain;

import io.kam.chassis.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The common gate of every write to a part of a plan: the plan is locked (so parts never change
 * under a concurrent archive), the caller may write it, and it is not COMPLETED or ARCHIVED.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanParts {

  private final PlanRepository plans;
  private final PlanAccess access;

  public PlanParts(PlanRepository plans, PlanAccess access) {
    this.plans = plans;
    this.access = access;
  }

  /**
   * 404 / 403 unless the caller may write the plan's parts; no lock. The HTTP layer calls it before
   * anything that reads the current version, so another KAM gets 403, never a 412 naming it.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void checkWritable(UUID planId) {
    access.requireWrite(plans.get(planId).accountId);
  }

  public Plan writable(UUID planId) {
    Plan p = plans.lock(planId);
    access.requireWrite(p.accountId);
    if (!p.status.isOpen()) {
      throw ProblemException.conflict("the plan is " + p.status + "; its parts no longer change");
    }
    return p;
  }
}
