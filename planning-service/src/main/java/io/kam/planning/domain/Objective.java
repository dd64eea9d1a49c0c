package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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

  public boolean isBound() {
    return metric != null;
  }
}
