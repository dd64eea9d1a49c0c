package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.ActionRepository.Overdue;
import io.kam.planning.domain.PlanEvents.ActionOverdueData;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Announces each action once when it becomes overdue (due date before today, not DONE or CANCELLED,
 * plan not COMPLETED or ARCHIVED). The claim is one UPDATE ... RETURNING on overdue_notified_at: a
 * second instance running at the same moment waits for the row lock, re-reads the row, finds it
 * claimed and returns nothing, so no action is announced twice.
 */
@ApplicationScoped
public class OverdueActions {

  private final ActionRepository actions;
  private final PlanEvents events;
  private final KamClock clock;

  public OverdueActions(ActionRepository actions, PlanEvents events, KamClock clock) {
    this.actions = actions;
    this.events = events;
    this.clock = clock;
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
  @Transactional
  public int check() {
    List<Overdue> claimed = actions.claimOverdue(clock.now(), clock.today());
    for (Overdue o : claimed) {
      events.actionOverdue(
          new ActionOverdueData(o.planId(), o.accountId(), o.actionId(), o.ownerId(), o.dueDate()));
    }
    return claimed.size();
  }
}
