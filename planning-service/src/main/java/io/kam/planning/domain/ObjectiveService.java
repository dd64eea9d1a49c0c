package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.PartCommands.ObjectiveCommand;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Objectives of a plan; a bound one gets its actual and progress from the latest values at once.
 */
@Singleton
@Transactional
public class ObjectiveService extends PartService<Objective, ObjectiveCommand> {

  private final ObjectiveTracker tracker;

  public ObjectiveService(
      ObjectiveRepository objectives,
      PlanRepository plans,
      PlanParts gate,
      ObjectiveTracker tracker,
      KamClock clock) {
    super(objectives, Objective::new, plans, gate, clock);
    this.tracker = tracker;
  }

  @Override
  protected void apply(Plan plan, Objective o, ObjectiveCommand c) {
    o.title = c.title();
    o.dueDate = c.dueDate();
    o.status = c.status() == null ? ObjectiveStatus.OPEN : c.status();
    o.metric = c.metric();
    o.baseline = c.baseline();
    o.target = c.target();
    tracker.refresh(o, plan);
  }
}
