package io.kam.planning.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "plan_risk")
public class Risk extends PlanPart {
  public String description;
  public int likelihood;
  public int impact;

  /** likelihood x impact, stored so lists can be ordered by it. */
  public int severity;

  public String mitigation;

  public void rate(int likelihood, int impact) {
    this.likelihood = likelihood;
    this.impact = impact;
    this.severity = likelihood * impact;
  }
}
