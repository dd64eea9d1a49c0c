package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.PartCommands.ObjectiveCommand;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Objectives of a plan; a bound one gets its actual and progress from the latest values at once.
 */
@Singleton
@Transactional
public class ObjectiveService extends PartService<Objective, ObjectiveCommand> {

  private final ObjectiveTracker tracker;
  private final KamClock clock;

  public ObjectiveService(
      ObjectiveRepository objectives,
      PlanRepository plans,
      PlanParts gate,
      ObjectiveTracker tracker,
      KamClock clock,
      PlanHistory history) {
    super(objectives, Objective::new, plans, gate, clock, history);
    this.tracker = tracker;
    this.clock = clock;
  }

  @Override
  protected void apply(Plan plan, Objective o, ObjectiveCommand c) {
    LocalDate previousDue = o.dueDate;
    ObjectiveStatus previous = o.status;
    o.title = c.title();
    o.dueDate = c.dueDate();
    o.status = c.status() == null ? ObjectiveStatus.OPEN : c.status();
    // A MISSED objective given a due date not past yet is open again (and announced again if it
    // misses that one too); one whose status the KAM sets by hand keeps it.
    if (previous == ObjectiveStatus.MISSED
        && o.status == ObjectiveStatus.MISSED
        && !Objects.equals(previousDue, o.dueDate)
        && (o.dueDate == null || !o.dueDate.isBefore(clock.today()))) {
      o.status = ObjectiveStatus.OPEN;
    }
    o.metric = c.metric();
    o.baseline = c.baseline();
    o.target = c.target();
    tracker.refresh(o, plan);
  }
}
