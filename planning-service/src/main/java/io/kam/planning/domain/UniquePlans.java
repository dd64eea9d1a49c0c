package io.kam.planning.domain;

import io.kam.chassis.problem.ProblemException;
import jakarta.persistence.PersistenceException;

/**
 * Flushes plan changes and turns a refusal of the partial unique indexes (one DRAFT, one live plan
 * per account) into the 409 a client understands; this is what settles concurrent activations.
 */
final class UniquePlans {

  private UniquePlans() {}

  static void flush(PlanRepository plans) {
    try {
      plans.flush();
    } catch (PersistenceException e) {
      String constraint = constraintOf(e);
      if ("plan_one_live_per_account".equals(constraint)) {
        throw ProblemException.conflict(
            "the account already has a live (ACTIVE or UNDER_REVIEW) plan");
      }
      if ("plan_one_draft_per_account".equals(constraint)) {
        throw ProblemException.conflict("the account already has a DRAFT plan");
      }
      throw e;
    }
  }

  private static String constraintOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.hibernate.exception.ConstraintViolationException cve
          && cve.getConstraintName() != null) {
        return cve.getConstraintName();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
