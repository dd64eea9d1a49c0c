package io.kam.planning.api;

import io.kam.planning.api.PartRequests.ActionRequest;
import io.kam.planning.api.PartRequests.KpiBinding;
import io.kam.planning.api.PartRequests.ObjectiveRequest;
import io.kam.planning.api.PartRequests.OpportunityRequest;
import io.kam.planning.api.PartRequests.RiskRequest;
import io.kam.planning.domain.Objective;
import io.kam.planning.domain.Opportunity;
import io.kam.planning.domain.PlanAction;
import io.kam.planning.domain.Risk;
import java.util.Set;

/** The writable fields of each part as stored: what a merge patch is applied to. */
final class PartEditables {

  /** Fields a client sees but cannot write. */
  static final Set<String> READ_ONLY =
      Set.of(
          "id",
          "planId",
          "accountId",
          "version",
          "actual",
          "progress",
          "achievedAt",
          "severity",
          "weightedValue",
          "overdue");

  private PartEditables() {}

  static ObjectiveRequest of(Objective o) {
    KpiBinding kpi = o.metric == null ? null : new KpiBinding(o.metric, o.baseline, o.target);
    return new ObjectiveRequest(o.title, kpi, o.dueDate, o.status);
  }

  static ActionRequest of(PlanAction a) {
    return new ActionRequest(a.title, a.ownerId, a.dueDate, a.status, a.objectiveId);
  }

  static RiskRequest of(Risk r) {
    return new RiskRequest(r.description, r.likelihood, r.impact, r.mitigation);
  }

  static OpportunityRequest of(Opportunity o) {
    return new OpportunityRequest(
        o.productLine, o.kind, o.estimatedValue, o.probability, o.expectedClose);
  }
}
