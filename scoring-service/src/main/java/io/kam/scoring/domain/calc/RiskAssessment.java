package io.kam.scoring.domain.calc;

import java.util.List;

/** A defection risk level and the signals that raised it, in docs/kpis-and-scores.md's order. */
public record RiskAssessment(DefectionRisk risk, List<RiskReason> reasons) {

  public RiskAssessment {
    reasons = List.copyOf(reasons);
  }
}
