package io.kam.planning.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** A plan with all its parts, each kind in its own order (risks by severity, highest first). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanReader {

  private final PlanRepository plans;
  private final ObjectiveRepository objectives;
  private final ActionRepository actions;
  private final RiskRepository risks;
  private final OpportunityRepository opportunities;

  public PlanReader(
      PlanRepository plans,
      ObjectiveRepository objectives,
      ActionRepository actions,
      RiskRepository risks,
      OpportunityRepository opportunities) {
    this.plans = plans;
    this.objectives = objectives;
    this.actions = actions;
    this.risks = risks;
    this.opportunities = opportunities;
  }

  /** 404 when there is no such plan. */
  public PlanDetails get(UUID id) {
    return details(plans.get(id));
  }

  public PlanDetails details(Plan p) {
    return new PlanDetails(
        p,
        objectives.ofPlan(p.id),
        actions.ofPlan(p.id),
        risks.ofPlan(p.id),
        opportunities.ofPlan(p.id));
  }
}
