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

  private final Plans plans;
  private final PlanAccess access;

  public PlanParts(Plans plans, PlanAccess access) {
    this.plans = plans;
    this.access = access;
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
