package io.kam.planning.domain;

import static io.kam.planning.domain.PlanStatus.ACTIVE;
import static io.kam.planning.domain.PlanStatus.ARCHIVED;
import static io.kam.planning.domain.PlanStatus.COMPLETED;
import static io.kam.planning.domain.PlanStatus.DRAFT;
import static io.kam.planning.domain.PlanStatus.UNDER_REVIEW;

import java.util.EnumSet;
import java.util.Set;

/**
 * The allowed moves of docs/kpis-and-scores.md, each from the states it may start in. Anything else
 * is a 409.
 */
public enum PlanTransition {
  ACTIVATE(ACTIVE, EnumSet.of(DRAFT)),
  SUBMIT_FOR_REVIEW(UNDER_REVIEW, EnumSet.of(ACTIVE)),
  /** Only a review returns a plan under review to ACTIVE; activate does not. */
  CONCLUDE_REVIEW(ACTIVE, EnumSet.of(UNDER_REVIEW)),
  COMPLETE(COMPLETED, EnumSet.of(ACTIVE, UNDER_REVIEW)),
  ARCHIVE(ARCHIVED, EnumSet.of(DRAFT, ACTIVE, UNDER_REVIEW, COMPLETED));

  private final PlanStatus target;
  private final Set<PlanStatus> from;

  PlanTransition(PlanStatus target, Set<PlanStatus> from) {
    this.target = target;
    this.from = from;
  }

  public PlanStatus target() {
    return target;
  }

  public boolean allowedFrom(PlanStatus current) {
    return from.contains(current);
  }

  public Set<PlanStatus> from() {
    return from;
  }
}
