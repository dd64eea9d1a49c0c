package io.kam.planning.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

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

  @Override
  public String label() {
    return description;
  }

  @Override
  public Map<String, Object> trail() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("description", description);
    m.put("likelihood", likelihood);
    m.put("impact", impact);
    m.put("mitigation", mitigation);
    return m;
  }
}
