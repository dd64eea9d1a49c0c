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
  private final PlanHistory history;

  public PlanLifecycle(
      PlanRepository plans, PlanEvents events, KamClock clock, PlanHistory history) {
    this.plans = plans;
    this.events = events;
    this.clock = clock;
    this.history = history;
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
    ReviewReason previousReviewReason = plan.reviewReason;
    java.time.Instant previousNextReview = plan.nextReviewAt;
    if (target.isLive()
        && !previous.isLive()
        && plans.live(plan.accountId).filter(p -> p != plan).isPresent()) {
      throw ProblemException.conflict(
          "the plan is " + previous + " and the account already has a live plan");
    }
    plan.status = target;
    plan.reviewReason = target == PlanStatus.UNDER_REVIEW ? ReviewReason.of(reason) : null;
    plan.updatedAt = clock.now();
    if (transition == PlanTransition.ACTIVATE && plan.nextReviewAt == null) {
      plan.nextReviewAt = clock.now().plus(Duration.ofDays(plan.reviewEveryDays));
    }
    UniquePlans.flush(plans);
    events.statusChanged(plan, previous, reason);
    history.changed(plan.id, PlanHistory.Part.PLAN, null, "status", previous, target, reason);
    history.changed(
        plan.id,
        PlanHistory.Part.PLAN,
        null,
        "reviewReason",
        previousReviewReason,
        plan.reviewReason,
        reason);
    history.changed(
        plan.id,
        PlanHistory.Part.PLAN,
        null,
        "nextReviewAt",
        previousNextReview,
        plan.nextReviewAt,
        reason);
  }

  /** A plan under review by hand that a high risk reaches: only a manager's review ends it now. */
  public void escalateReview(Plan plan) {
    if (plan.status == PlanStatus.UNDER_REVIEW && plan.reviewReason != ReviewReason.HIGH_RISK) {
      history.changed(
          plan.id,
          PlanHistory.Part.PLAN,
          null,
          "reviewReason",
          plan.reviewReason,
          ReviewReason.HIGH_RISK,
          StatusReason.RISK_HIGH);
      plan.reviewReason = ReviewReason.HIGH_RISK;
      plan.updatedAt = clock.now();
    }
  }

  public static String describe(PlanTransition t) {
    return t.name().toLowerCase().replace('_', '-');
  }
}
