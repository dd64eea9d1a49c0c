package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A KAM's actions across plans (GET /api/v1/actions), ordered by due date. Actions of COMPLETED
 * or ARCHIVED plans are history, not work, and are left out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkList {

  private final EntityManager em;
  private final KamClock clock;

  public WorkList(EntityManager em, KamClock clock) {
    this.em = em;
    this.clock = clock;
  }

  public record Item(PlanAction action, UUID accountId) {}

  public List<Item> page(String ownerId, Boolean overdue, LocalDate afterDue, UUID afterId, int limit) {
    StringBuilder q =
        new StringBuilder("select a, p.accountId from PlanAction a, Plan p where a.planId = p.id and p.status in :open");
    if (ownerId != null) {
      q.append(" and a.ownerId = :owner");
    }
    if (overdue != null) {
      q.append(overdue ? " and " : " and not ");
      q.append("(a.dueDate < :today and a.status not in :closed)");
    }
    if (afterId != null) {
      q.append(" and (a.dueDate > :d or (a.dueDate = :d and a.id > :id))");
    }
    q.append(" order by a.dueDate, a.id");
    var query = em.createQuery(q.toString(), Object[].class)
        .setParameter("open", List.of(PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.UNDER_REVIEW))
        .setMaxResults(limit);
    if (ownerId != null) {
      query.setParameter("owner", ownerId);
    }
    if (overdue != null) {
      query.setParameter("today", clock.today()).setParameter("closed", List.of(ActionStatus.DONE, ActionStatus.CANCELLED));
    }
    if (afterId != null) {
      query.setParameter("d", afterDue).setParameter("id", afterId);
    }
    return query.getResultList().stream().map(r -> new Item((PlanAction) r[0], (UUID) r[1])).toList();
  }
}
