package io.kam.planning.domain;

import io.kam.chassis.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/**
 * The queries every kind of plan child answers the same way; a kind names its noun and its order.
 */
public interface PartRepository<E extends PlanChild> extends PanacheRepositoryBase<E, UUID> {

  /** How a 404 names one ("no action ... in plan ..."). */
  String noun();

  /** The order of a plan's list of this kind. */
  Sort order();

  default List<E> ofPlan(UUID planId) {
    return list("planId", order(), planId);
  }

  /** One of the given plan's, optionally row-locked; 404 when it is not there or not the plan's. */
  default E inPlan(UUID planId, UUID id, boolean lock) {
    E part = lock ? findById(id, LockModeType.PESSIMISTIC_WRITE) : findById(id);
    if (part == null || !planId.equals(part.planId)) {
      throw ProblemException.notFound("no " + noun() + " " + id + " in plan " + planId);
    }
    return part;
  }
}
