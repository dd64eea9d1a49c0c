package io.kam.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "plan_risk")
public class Risk implements PlanPart {
  @Id public UUID id;

  @Column(name = "plan_id")
  public UUID planId;

  public String description;
  public int likelihood;
  public int impact;

  /** likelihood x impact, stored so lists can be ordered by it. */
  public int severity;

  public String mitigation;

  @Column(name = "created_at")
  public Instant createdAt;

  @Version public long version;

  public void rate(int likelihood, int impact) {
    this.likelihood = likelihood;
    this.impact = impact;
    this.severity = likelihood * impact;
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
