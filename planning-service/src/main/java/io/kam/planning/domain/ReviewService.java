package io.kam.planning.domain;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import io.kam.planning.api.PartRequests.ReviewRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * DOMAIN.md: a review of a live plan sets nextReviewAt = review date + reviewEveryDays and
 * returns a plan under review to ACTIVE.
 */
@ApplicationScoped
@Transactional
public class ReviewService {

  private final EntityManager em;
  private final Plans plans;
  private final PlanParts parts;
  private final PlanLifecycle lifecycle;
  private final PlanAccess access;
  private final KamClock clock;

  public ReviewService(
      EntityManager em, Plans plans, PlanParts parts, PlanLifecycle lifecycle, PlanAccess access, KamClock clock) {
    this.em = em;
    this.plans = plans;
    this.parts = parts;
    this.lifecycle = lifecycle;
    this.access = access;
    this.clock = clock;
  }

  public Review add(UUID planId, ReviewRequest req) {
    Plan plan = parts.writable(planId);
    if (!plan.status.isLive()) {
      throw ProblemException.conflict("the plan is " + plan.status + "; only ACTIVE or UNDER_REVIEW plans are reviewed");
    }
    Review r = new Review();
    r.id = UUID.randomUUID();
    r.planId = planId;
    r.summary = req.summary();
    r.decisions = req.decisions() == null ? new ArrayList<>() : new ArrayList<>(req.decisions());
    r.reviewedAt = clock.now();
    r.reviewedBy = access.who();
    em.persist(r);
    plan.nextReviewAt = r.reviewedAt.plus(Duration.ofDays(plan.reviewEveryDays));
    plan.updatedAt = r.reviewedAt;
    if (plan.status == PlanStatus.UNDER_REVIEW) {
      lifecycle.apply(plan, PlanTransition.CONCLUDE_REVIEW, StatusReason.REVIEWED);
    }
    em.flush();
    return r;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Review> list(UUID planId) {
    plans.get(planId);
    return plans.partsOf(Review.class, planId, "x.reviewedAt, x.id");
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Review get(UUID planId, UUID reviewId) {
    return plans.part(Review.class, planId, reviewId, false);
  }
}
