package io.kam.planning.domain;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Objectives, listed in the order they were added; also the set-based missed sweep. */
@ApplicationScoped
public class ObjectiveRepository implements PartRepository<Objective> {

  private static final Sort ORDER = Sort.by("createdAt").and("id");

  /** Past due, not reached, of a live plan, and not yet announced missed for this due date. */
  private static final String MISSED =
      "%1$s.status = 'OPEN' and %1$s.due_date < ?2"
          + " and (%1$s.progress is null or %1$s.progress < 100)"
          + " and (%1$s.missed_due_date is null or %1$s.missed_due_date <> %1$s.due_date)";

  @Override
  public String noun() {
    return "objective";
  }

  @Override
  public Sort order() {
    return ORDER;
  }

  /** An objective the missed sweep claimed, with what its event and history name. */
  public record Missed(
      UUID objectiveId,
      UUID planId,
      UUID accountId,
      String metric,
      BigDecimal target,
      BigDecimal actual,
      BigDecimal progress,
      LocalDate dueDate) {}

  /**
   * Marks up to {@code limit} missed objectives MISSED in one UPDATE ... RETURNING (bumping their
   * version, so ETags change). Rows another instance is claiming are skipped (SKIP LOCKED), and the
   * condition is re-checked on the locked row, so an objective is never claimed twice.
   */
  public List<Missed> claimMissed(Instant now, LocalDate today, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> claimed =
        getEntityManager()
            .createNativeQuery(
                "update plan_objective o set status = 'MISSED', missed_at = ?1,"
                    + " missed_due_date = o.due_date, version = o.version + 1"
                    + " from plan p where p.id = o.plan_id and o.id in ("
                    + "   select c.id from plan_objective c join plan cp on cp.id = c.plan_id"
                    + "   where cp.status in ('ACTIVE', 'UNDER_REVIEW') and "
                    + String.format(MISSED, "c")
                    + "   order by c.due_date, c.id limit ?3 for update of c skip locked)"
                    + " and "
                    + String.format(MISSED, "o")
                    + " returning o.id, o.plan_id, p.account_id, o.metric, o.target, o.actual,"
                    + " o.progress, o.due_date")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, Date.valueOf(today))
            .setParameter(3, limit)
            .getResultList();
    return claimed.stream()
        .map(
            r ->
                new Missed(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    (String) r[3],
                    (BigDecimal) r[4],
                    (BigDecimal) r[5],
                    (BigDecimal) r[6],
                    ActionRepository.toDate(r[7])))
        .toList();
  }
}
