package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "plan_objective")
public class Objective implements PlanPart {
  @Id public UUID id;

  @Column(name = "plan_id")
  public UUID planId;

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

  /** Set the first time the objective is achieved; never cleared, so it is achieved (and announced) once. */
  @Column(name = "achieved_at")
  public Instant achievedAt;

  @Column(name = "created_at")
  public Instant createdAt;

  @Version public long version;

  public boolean isBound() {
    return metric != null;
  }

  @Override
  public UUID partId() {
    return id;
  }

  @Override
  public long partVersion() {
    return version;
  }
}
