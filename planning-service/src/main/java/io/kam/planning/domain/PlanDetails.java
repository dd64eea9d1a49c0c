package io.kam.planning.domain;

import java.math.BigDecimal;
import java.util.List;

/** A plan with all its parts, read in one transaction; risks by severity, highest first. */
public record PlanDetails(
    Plan plan,
    List<Objective> objectives,
    List<PlanAction> actions,
    List<Risk> risks,
    List<Opportunity> opportunities) {

  /** docs/kpis-and-scores.md: sum of value x probability, exact. */
  public BigDecimal weightedPipeline() {
    return opportunities.stream()
        .map(Opportunity::weightedValue)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
