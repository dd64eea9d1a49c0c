package io.kam.planning.api;

import io.kam.chassis.time.KamClock;
import io.kam.planning.api.PlanViews.ActionView;
import io.kam.planning.domain.PlanAction;
import io.kam.planning.domain.PlanRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Views of parts that need more than the part: an action shows its account and whether it is
 * overdue today.
 */
@ApplicationScoped
public class PartViews {

  private final PlanRepository plans;
  private final KamClock clock;

  public PartViews(PlanRepository plans, KamClock clock) {
    this.plans = plans;
    this.clock = clock;
  }

  public ActionView of(PlanAction a) {
    return PlanMapper.view(a, plans.get(a.planId).accountId, clock.today());
  }
}
