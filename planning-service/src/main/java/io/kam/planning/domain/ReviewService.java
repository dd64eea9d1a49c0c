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
 * reviewEveryDays and returns a plan under review to ACTIVE; a plan a high risk put under review
 * returns only by a kam-manager's or admin's review (another writer's is recorded, nothing more).
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
  private final PlanHistory history;

  public ReviewService(
      ReviewRepository reviews,
      PlanRepository plans,
      PlanParts parts,
      PlanLifecycle lifecycle,
      PlanAccess access,
      KamClock clock,
      PlanHistory history) {
    this.reviews = reviews;
    this.plans = plans;
    this.parts = parts;
    this.lifecycle = lifecycle;
    this.access = access;
    this.clock = clock;
    this.history = history;
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
    reviews.flush();
    history.created(planId, PlanHistory.Part.REVIEW, r.id, r.summary);
    plan.updatedAt = r.reviewedAt;
    if (plan.status == PlanStatus.UNDER_REVIEW
        && plan.reviewReason == ReviewReason.HIGH_RISK
        && !access.isManager()) {
      // Recorded, but a high-risk review is ended by a kam-manager or admin only: the plan stays
      // UNDER_REVIEW and its review stays due.
      reviews.flush();
      return r;
    }
    history.changed(
        planId,
        PlanHistory.Part.PLAN,
        null,
        "nextReviewAt",
        plan.nextReviewAt,
        r.reviewedAt.plus(Duration.ofDays(plan.reviewEveryDays)),
        StatusReason.REVIEWED);
    plan.nextReviewAt = r.reviewedAt.plus(Duration.ofDays(plan.reviewEveryDays));
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
