package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.PartCommands.RiskCommand;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Risks of a plan, rated likelihood x impact; the reaction to a HIGH defection risk adds one too.
 */
@Singleton
@Transactional
public class RiskService extends PartService<Risk, RiskCommand> {

  public RiskService(
      RiskRepository risks,
      PlanRepository plans,
      PlanParts gate,
      KamClock clock,
      PlanHistory history) {
    super(risks, Risk::new, plans, gate, clock, history);
  }

  @Override
  protected void apply(Plan plan, Risk r, RiskCommand c) {
    r.description = c.description();
    r.rate(c.likelihood(), c.impact());
    r.mitigation = c.mitigation();
  }
}
