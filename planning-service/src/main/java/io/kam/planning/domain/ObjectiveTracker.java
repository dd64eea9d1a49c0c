package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import io.kam.planning.events.PlanEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Keeps bound objectives in step with the latest KPI snapshot and score of their account, and
 * marks an objective ACHIEVED (announcing it) the first time it reaches 100 %, never again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ObjectiveTracker {

  private final EntityManager em;
  private final PlanEvents events;
  private final KamClock clock;

  public ObjectiveTracker(EntityManager em, PlanEvents events, KamClock clock) {
    this.em = em;
    this.events = events;
    this.clock = clock;
  }

  /** After new values for {@code accountId}: every bound objective of its open plans. */
  public void refreshAccount(UUID accountId) {
    AccountMetrics metrics = em.find(AccountMetrics.class, accountId);
    List<Object[]> rows =
        em.createQuery(
                "select o, p from Objective o, Plan p where o.planId = p.id and p.accountId = :a"
                    + " and p.status in :open and o.metric is not null order by o.id",
                Object[].class)
            .setParameter("a", accountId)
            .setParameter("open", List.of(PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.UNDER_REVIEW))
            .getResultList();
    for (Object[] row : rows) {
      refresh((Objective) row[0], (Plan) row[1], metrics);
    }
  }

  /** Recomputes one objective from what is known of its account. */
  public void refresh(Objective o, Plan plan) {
    refresh(o, plan, em.find(AccountMetrics.class, plan.accountId));
  }

  private void refresh(Objective o, Plan plan, AccountMetrics metrics) {
    if (!o.isBound()) {
      o.actual = null;
      o.progress = null;
    } else {
      o.actual = o.metric.valueIn(metrics);
      o.progress = ObjectiveProgress.of(o.baseline, o.target, o.actual);
      if (o.status == ObjectiveStatus.OPEN && plan.status.isOpen() && ObjectiveProgress.isComplete(o.progress)) {
        o.status = ObjectiveStatus.ACHIEVED;
      }
    }
    announceIfFirstAchieved(o, plan);
  }

  /** An objective marked ACHIEVED (by progress or by hand) is announced once in its life. */
  public void announceIfFirstAchieved(Objective o, Plan plan) {
    if (o.status == ObjectiveStatus.ACHIEVED && o.achievedAt == null) {
      o.achievedAt = clock.now();
      events.objectiveAchieved(plan, o);
    }
  }
}
