package io.kam.planning.domain;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Moves a plan through its lifecycle, for people and for reactions alike: checks the transition,
 * keeps one live plan per account, and announces every change of status.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanLifecycle {

  private final PlanRepository plans;
  private final PlanEvents events;
  private final KamClock clock;

  public PlanLifecycle(PlanRepository plans, PlanEvents events, KamClock clock) {
    this.plans = plans;
    this.events = events;
    this.clock = clock;
  }

  /** {@code plan} must be locked by the caller. */
  public void apply(Plan plan, PlanTransition transition, StatusReason reason) {
    PlanStatus previous = plan.status;
    if (!transition.allowedFrom(previous)) {
      throw ProblemException.conflict(
          "the plan is "
              + previous
              + "; "
              + describe(transition)
              + " needs "
              + transition.from().stream()
                  .map(Enum::name)
                  .sorted()
                  .collect(Collectors.joining(" or ")));
    }
    PlanStatus target = transition.target();
    if (target.isLive()
        && !previous.isLive()
        && plans.live(plan.accountId).filter(p -> p != plan).isPresent()) {
      throw ProblemException.conflict(
          "the plan is " + previous + " and the account already has a live plan");
    }
    plan.status = target;
    plan.updatedAt = clock.now();
    if (transition == PlanTransition.ACTIVATE && plan.nextReviewAt == null) {
      plan.nextReviewAt = clock.now().plus(Duration.ofDays(plan.reviewEveryDays));
    }
    UniquePlans.flush(plans);
    events.statusChanged(plan, previous, reason);
  }

  public static String describe(PlanTransition t) {
    return t.name().toLowerCase().replace('_', '-');
  }
}
