package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.ObjectiveRepository.Missed;
import io.kam.planning.domain.PlanEvents.ObjectiveMissedData;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sweep that marks objectives MISSED once the day after their due date has come without them
 * reaching the target (objectives of live plans; changes of due date, target or values are
 * evaluated at once by {@link ObjectiveTracker}). Each batch is one UPDATE ... RETURNING in its own
 * transaction, safe with several instances (SKIP LOCKED, condition re-checked on the locked row).
 */
@ApplicationScoped
public class MissedObjectives {

  private final ObjectiveRepository objectives;
  private final PlanEvents events;
  private final KamClock clock;
  private final int batchSize;
  private final PlanHistory history;

  public MissedObjectives(
      ObjectiveRepository objectives,
      PlanEvents events,
      PlanHistory history,
      KamClock clock,
      @ConfigProperty(name = "kam.planning.sweep-batch-size", defaultValue = "200") int batchSize) {
    this.objectives = objectives;
    this.events = events;
    this.clock = clock;
    this.batchSize = batchSize;
    this.history = history;
  }

  @Scheduled(
      every = "${kam.planning.overdue-check-every:10m}",
      delayed = "${kam.planning.overdue-check-delay:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    int n = sweep();
    if (n > 0) {
      Log.infof("%d objectives were missed", n);
    }
  }

  /** Runs the sweep now (tests call it after moving the clock); returns how many were missed. */
  public int sweep() {
    return SweepBatches.run(batchSize, this::claimBatch);
  }

  private int claimBatch() {
    List<Missed> claimed = objectives.claimMissed(clock.now(), clock.today(), batchSize);
    for (Missed m : claimed) {
      history.changed(
          m.planId(),
          PlanHistory.Part.OBJECTIVE,
          m.objectiveId(),
          "status",
          ObjectiveStatus.OPEN,
          ObjectiveStatus.MISSED,
          null);
      events.objectiveMissed(
          new ObjectiveMissedData(
              m.planId(),
              m.accountId(),
              m.objectiveId(),
              m.metric(),
              m.target(),
              m.actual(),
              m.progress(),
              m.dueDate()));
    }
    return claimed.size();
  }
}
