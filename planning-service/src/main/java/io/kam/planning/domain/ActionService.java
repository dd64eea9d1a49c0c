package io.kam.planning.domain;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.PartCommands.ActionCommand;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/** Actions of a plan; without an owner an action belongs to the plan's owner. */
@Singleton
@Transactional
public class ActionService extends PartService<PlanAction, ActionCommand> {

  private final ObjectiveRepository objectives;

  public ActionService(
      ActionRepository actions,
      ObjectiveRepository objectives,
      PlanRepository plans,
      PlanParts gate,
      KamClock clock,
      PlanHistory history) {
    super(actions, PlanAction::new, plans, gate, clock, history);
    this.objectives = objectives;
  }

  @Override
  protected void apply(Plan plan, PlanAction a, ActionCommand c) {
    if (c.objectiveId() != null) {
      Objective o = objectives.findById(c.objectiveId());
      if (o == null || !o.planId.equals(plan.id)) {
        throw ProblemException.invalid("objectiveId", "no such objective in this plan");
      }
    }
    String owner = c.ownerId() != null ? c.ownerId() : plan.ownerId;
    if (owner == null) {
      throw ProblemException.invalid("ownerId", "must be given: the plan has no owner");
    }
    a.title = c.title();
    a.ownerId = owner;
    a.dueDate = c.dueDate();
    a.status = c.status() == null ? ActionStatus.OPEN : c.status();
    a.objectiveId = c.objectiveId();
  }
}
