package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An action of a plan. Its column {@code overdue_notified_at} is deliberately not mapped: only the
 * overdue check writes it, so an ORM update never resets it.
 */
@Entity
@Table(name = "plan_action")
public class PlanAction extends PlanPart {
  public String title;

  @Column(name = "owner_id")
  public String ownerId;

  @Column(name = "due_date")
  public LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  public ActionStatus status;

  @Column(name = "objective_id")
  public UUID objectiveId;

  /** docs/kpis-and-scores.md: due date before today and not DONE/CANCELLED. */
  public boolean isOverdue(LocalDate today) {
    return dueDate != null && dueDate.isBefore(today) && !status.isClosed();
  }

  @Override
  public String label() {
    return title;
  }

  @Override
  public Map<String, Object> trail() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("ownerId", ownerId);
    m.put("dueDate", dueDate);
    m.put("status", status);
    m.put("objectiveId", objectiveId);
    return m;
  }
}
