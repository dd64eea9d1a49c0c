package io.kam.planning.domain;

/**
 * Why a plan is UNDER_REVIEW. A HIGH_RISK review needs a kam-manager's (or admin's) review to end;
 * a MANUAL one ends with any review by someone who may write the plan.
 */
public enum ReviewReason {
  MANUAL,
  HIGH_RISK;

  static ReviewReason of(StatusReason reason) {
    return reason == StatusReason.RISK_HIGH ? HIGH_RISK : MANUAL;
  }
}
