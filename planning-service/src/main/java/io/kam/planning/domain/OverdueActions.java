package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import io.kam.planning.events.PlanEvents;
import io.kam.planning.events.PlanEvents.ActionOverdueData;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Announces each action once when it becomes overdue (due date before today, not DONE or
 * CANCELLED, plan not COMPLETED or ARCHIVED). The claim is one UPDATE ... RETURNING on
 * overdue_notified_at: a second instance running at the same moment waits for the row lock,
 * re-reads the row, finds it claimed and returns nothing, so no action is announced twice.
 */
@ApplicationScoped
public class OverdueActions {

  private final EntityManager em;
  private final PlanEvents events;
  private final KamClock clock;

  public OverdueActions(EntityManager em, PlanEvents events, KamClock clock) {
    this.em = em;
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
    @SuppressWarnings("unchecked")
    List<Object[]> claimed =
        em.createNativeQuery(
                "update plan_action a set overdue_notified_at = ?1 from plan p"
                    + " where p.id = a.plan_id and a.overdue_notified_at is null and a.due_date < ?2"
                    + " and a.status not in ('DONE', 'CANCELLED') and p.status not in ('COMPLETED', 'ARCHIVED')"
                    + " returning a.id, a.plan_id, p.account_id, a.owner_id, a.due_date")
            .setParameter(1, java.sql.Timestamp.from(clock.now()))
            .setParameter(2, Date.valueOf(clock.today()))
            .getResultList();
    for (Object[] row : claimed) {
      events.actionOverdue(new ActionOverdueData(
          (UUID) row[1], (UUID) row[2], (UUID) row[0], (String) row[3], toDate(row[4])));
    }
    return claimed.size();
  }

  private static LocalDate toDate(Object value) {
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
