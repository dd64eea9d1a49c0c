package io.kam.planning.api;

import io.kam.planning.api.PlanViews.ActionView;
import io.kam.planning.api.PlanViews.Kpi;
import io.kam.planning.api.PlanViews.ObjectiveRollup;
import io.kam.planning.api.PlanViews.ObjectiveView;
import io.kam.planning.api.PlanViews.OpportunityView;
import io.kam.planning.api.PlanViews.PlanSummary;
import io.kam.planning.api.PlanViews.PlanView;
import io.kam.planning.api.PlanViews.ReviewView;
import io.kam.planning.api.PlanViews.RiskView;
import io.kam.planning.domain.Objective;
import io.kam.planning.domain.Opportunity;
import io.kam.planning.domain.Plan;
import io.kam.planning.domain.PlanAction;
import io.kam.planning.domain.PlanDetails;
import io.kam.planning.domain.PlanRollups;
import io.kam.planning.domain.Review;
import io.kam.planning.domain.Risk;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Entities to the views of the API; entities never leave the service. */
public final class PlanMapper {

  private PlanMapper() {}

  public static PlanView view(PlanDetails d, LocalDate today) {
    Plan p = d.plan();
    return new PlanView(
        p.id,
        p.accountId,
        p.title,
        new PlanRequest.Period(p.periodStart, p.periodEnd),
        p.ownerId,
        p.reviewEveryDays,
        p.nextReviewAt,
        p.status,
        p.reviewReason,
        p.version,
        p.createdAt,
        p.updatedAt,
        d.objectives().stream().map(PlanMapper::view).toList(),
        d.actions().stream().map(a -> view(a, p.accountId, today)).toList(),
        d.risks().stream().map(PlanMapper::view).toList(),
        d.opportunities().stream().map(PlanMapper::view).toList(),
        d.weightedPipeline());
  }

  public static PlanSummary summary(Plan p, PlanRollups.Rollup r) {
    PlanRollups.Objectives o =
        r == null ? new PlanRollups.Objectives(0, 0, 0, null) : r.objectives();
    return new PlanSummary(
        p.id,
        p.accountId,
        p.title,
        new PlanRequest.Period(p.periodStart, p.periodEnd),
        p.ownerId,
        p.reviewEveryDays,
        p.nextReviewAt,
        p.status,
        p.reviewReason,
        p.version,
        p.createdAt,
        p.updatedAt,
        r == null ? null : r.accountName(),
        new ObjectiveRollup(o.total(), o.achieved(), o.missed(), o.averageProgress()),
        r == null ? BigDecimal.ZERO : r.weightedPipeline());
  }

  public static PlanRequest editable(Plan p) {
    return new PlanRequest(
        p.accountId,
        p.title,
        new PlanRequest.Period(p.periodStart, p.periodEnd),
        p.ownerId,
        p.reviewEveryDays,
        p.nextReviewAt);
  }

  public static ObjectiveView view(Objective o) {
    Kpi kpi = o.metric == null ? null : new Kpi(o.metric, o.baseline, o.target);
    return new ObjectiveView(
        o.id,
        o.planId,
        o.title,
        kpi,
        o.dueDate,
        o.status,
        o.actual,
        o.progress,
        o.achievedAt,
        o.missedAt,
        o.version);
  }

  public static ActionView view(PlanAction a, UUID accountId, LocalDate today) {
    return new ActionView(
        a.id,
        a.planId,
        accountId,
        a.title,
        a.ownerId,
        a.dueDate,
        a.status,
        a.objectiveId,
        a.isOverdue(today),
        a.version);
  }

  public static RiskView view(Risk r) {
    return new RiskView(
        r.id, r.planId, r.description, r.likelihood, r.impact, r.severity, r.mitigation, r.version);
  }

  public static OpportunityView view(Opportunity o) {
    return new OpportunityView(
        o.id,
        o.planId,
        o.productLine,
        o.kind,
        o.estimatedValue,
        o.probability,
        o.weightedValue(),
        o.expectedClose,
        o.version);
  }

  public static ReviewView view(Review r) {
    return new ReviewView(
        r.id, r.planId, r.summary, List.copyOf(r.decisions), r.reviewedAt, r.reviewedBy);
  }
}
