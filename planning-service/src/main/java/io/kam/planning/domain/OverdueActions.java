package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.ActionRepository.Overdue;
import io.kam.planning.domain.PlanEvents.ActionOverdueData;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Announces an action once per due date it misses (due date before today, not DONE or CANCELLED,
 * plan not COMPLETED or ARCHIVED): a new due date missed again is announced again. Each batch is
 * one UPDATE ... RETURNING in its own transaction; rows another instance is claiming are skipped
 * and the claim is re-checked on the locked row, so no action is announced twice for one due date.
 */
@ApplicationScoped
public class OverdueActions {

  private final ActionRepository actions;
  private final PlanEvents events;
  private final KamClock clock;
  private final int batchSize;

  public OverdueActions(
      ActionRepository actions,
      PlanEvents events,
      KamClock clock,
      @ConfigProperty(name = "kam.planning.sweep-batch-size", defaultValue = "200") int batchSize) {
    this.actions = actions;
    this.events = events;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  @Scheduled(
      every = "${kam.planning.overdue-check-every:10m}",
      delayed = "${kam.planning.overdue-check-delay:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    int n = check();
    if (n > 0) {
      Log.infof("%d actions became overdue", n);
    }
  }

  /** Runs the check now (tests call it after moving the clock); returns how many were announced. */
  public int check() {
    return SweepBatches.run(batchSize, this::claimBatch);
  }

  private int claimBatch() {
    List<Overdue> claimed = actions.claimOverdue(clock.now(), clock.today(), batchSize);
    for (Overdue o : claimed) {
      events.actionOverdue(
          new ActionOverdueData(o.planId(), o.accountId(), o.actionId(), o.ownerId(), o.dueDate()));
    }
    return claimed.size();
  }
}
