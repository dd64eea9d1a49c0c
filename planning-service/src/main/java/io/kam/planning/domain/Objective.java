package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

@Entity
@Table(name = "plan_objective")
public class Objective extends PlanPart {
  public String title;

  @Enumerated(EnumType.STRING)
  public Metric metric;

  public BigDecimal baseline;
  public BigDecimal target;

  @Column(name = "due_date")
  public LocalDate dueDate;

  @Enumerated(EnumType.STRING)
  public ObjectiveStatus status;

  public BigDecimal actual;
  public BigDecimal progress;

  /**
   * Set the first time the objective is achieved; never cleared, so it is achieved (and announced)
   * once.
   */
  @Column(name = "achieved_at")
  public Instant achievedAt;

  /**
   * When it was last announced MISSED, and for which due date: a new due date missed again is
   * announced again, the same one never twice.
   */
  @Column(name = "missed_at")
  public Instant missedAt;

  @Column(name = "missed_due_date")
  public LocalDate missedDueDate;

  /** Due before today and not (yet) at 100 % progress. */
  public boolean isPastDue(LocalDate today) {
    return dueDate != null && dueDate.isBefore(today) && !ObjectiveProgress.isComplete(progress);
  }

  public boolean isBound() {
    return metric != null;
  }

  @Override
  public String label() {
    return title;
  }

  @Override
  public Map<String, Object> trail() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("metric", metric);
    m.put("baseline", baseline);
    m.put("target", target);
    m.put("dueDate", dueDate);
    m.put("status", status);
    return m;
  }
}
