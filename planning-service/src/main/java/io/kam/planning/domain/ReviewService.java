package io.kam.planning.domain;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.PartCommands.ReviewCommand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * docs/kpis-and-scores.md: a review of a live plan sets nextReviewAt = review date +
 * reviewEveryDays and returns a plan under review to ACTIVE.
 */
@ApplicationScoped
@Transactional
public class ReviewService {

  private final ReviewRepository reviews;
  private final PlanRepository plans;
  private final PlanParts parts;
  private final PlanLifecycle lifecycle;
  private final PlanAccess access;
  private final KamClock clock;

  public ReviewService(
      ReviewRepository reviews,
      PlanRepository plans,
      PlanParts parts,
      PlanLifecycle lifecycle,
      PlanAccess access,
      KamClock clock) {
    this.reviews = reviews;
    this.plans = plans;
    this.parts = parts;
    this.lifecycle = lifecycle;
    this.access = access;
    this.clock = clock;
  }

  public Review add(UUID planId, ReviewCommand command) {
    Plan plan = parts.writable(planId);
    if (!plan.status.isLive()) {
      throw ProblemException.conflict(
          "the plan is " + plan.status + "; only ACTIVE or UNDER_REVIEW plans are reviewed");
    }
    Review r = new Review();
    r.id = UUID.randomUUID();
    r.planId = planId;
    r.summary = command.summary();
    r.decisions =
        command.decisions() == null ? new ArrayList<>() : new ArrayList<>(command.decisions());
    r.reviewedAt = clock.now();
    r.reviewedBy = access.who();
    reviews.persist(r);
    plan.nextReviewAt = r.reviewedAt.plus(Duration.ofDays(plan.reviewEveryDays));
    plan.updatedAt = r.reviewedAt;
    if (plan.status == PlanStatus.UNDER_REVIEW) {
      lifecycle.apply(plan, PlanTransition.CONCLUDE_REVIEW, StatusReason.REVIEWED);
    }
    reviews.flush();
    return r;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Review> list(UUID planId) {
    plans.get(planId);
    return reviews.ofPlan(planId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Review get(UUID planId, UUID reviewId) {
    return reviews.inPlan(planId, reviewId, false);
  }
}
