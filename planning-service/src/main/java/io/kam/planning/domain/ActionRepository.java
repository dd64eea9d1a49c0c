package io.kam.planning.domain;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Actions, listed by due date; also the set-based queries of the work list and the overdue check.
 */
@ApplicationScoped
public class ActionRepository implements PartRepository<PlanAction> {

  private static final Sort ORDER = Sort.by("dueDate").and("id");

  @Override
  public String noun() {
    return "action";
  }

  @Override
  public Sort order() {
    return ORDER;
  }

  /** An action with the account of its plan, as the work list shows it. */
  public record WithAccount(PlanAction action, UUID accountId) {}

  /** Keyset page of actions of open plans by (dueDate, id); {@code overdue} null: both. */
  public List<WithAccount> workList(
      String ownerId,
      Boolean overdue,
      LocalDate today,
      LocalDate afterDue,
      UUID afterId,
      int limit) {
    StringBuilder q =
        new StringBuilder(
            "select a, p.accountId from PlanAction a, Plan p where a.planId = p.id and p.status in :open");
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
    var query =
        getEntityManager()
            .createQuery(q.toString(), Object[].class)
            .setParameter("open", PlanStatus.OPEN)
            .setMaxResults(limit);
    if (ownerId != null) {
      query.setParameter("owner", ownerId);
    }
    if (overdue != null) {
      query
          .setParameter("today", today)
          .setParameter("closed", List.of(ActionStatus.DONE, ActionStatus.CANCELLED));
    }
    if (afterId != null) {
      query.setParameter("d", afterDue).setParameter("id", afterId);
    }
    return query.getResultList().stream()
        .map(r -> new WithAccount((PlanAction) r[0], (UUID) r[1]))
        .toList();
  }

  /** An action the overdue check claimed, with what its event names. */
  public record Overdue(
      UUID actionId, UUID planId, UUID accountId, String ownerId, LocalDate dueDate) {}

  /**
   * Claims up to {@code limit} actions that are overdue and were not announced for their current
   * due date (a new due date missed again is announced again), in one UPDATE ... RETURNING on
   * columns the entity leaves unmapped (so no ORM update resets them). Rows another instance is
   * claiming are skipped (SKIP LOCKED), and the outer condition is re-checked on the locked row.
   */
  public List<Overdue> claimOverdue(Instant now, LocalDate today, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> claimed =
        getEntityManager()
            .createNativeQuery(
                "update plan_action a set overdue_notified_at = ?1, overdue_notified_due = a.due_date"
                    + " from plan p where p.id = a.plan_id and a.id in ("
                    + "   select c.id from plan_action c join plan cp on cp.id = c.plan_id"
                    + "   where (c.overdue_notified_due is null or c.overdue_notified_due <> c.due_date)"
                    + "   and c.due_date < ?2 and c.status not in ('DONE', 'CANCELLED')"
                    + "   and cp.status not in ('COMPLETED', 'ARCHIVED')"
                    + "   order by c.due_date, c.id limit ?3 for update of c skip locked)"
                    + " and (a.overdue_notified_due is null or a.overdue_notified_due <> a.due_date)"
                    + " returning a.id, a.plan_id, p.account_id, a.owner_id, a.due_date")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, Date.valueOf(today))
            .setParameter(3, limit)
            .getResultList();
    return claimed.stream()
        .map(r -> new Overdue((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], toDate(r[4])))
        .toList();
  }

  static LocalDate toDate(Object value) {
    return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
