package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.PartCommands.OpportunityCommand;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/** Whitespace opportunities of a plan. */
@Singleton
@Transactional
public class OpportunityService extends PartService<Opportunity, OpportunityCommand> {

  public OpportunityService(
      OpportunityRepository opportunities,
      PlanRepository plans,
      PlanParts gate,
      KamClock clock,
      PlanHistory history) {
    super(opportunities, Opportunity::new, plans, gate, clock, history);
  }

  @Override
  protected void apply(Plan plan, Opportunity o, OpportunityCommand c) {
    o.productLine = c.productLine();
    o.kind = c.kind();
    o.estimatedValue = c.estimatedValue();
    o.probability = c.probability();
    o.expectedClose = c.expectedClose();
  }
}
