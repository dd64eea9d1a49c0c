package io.kam.scoring.domain.calc;

/**
 * A defection risk signal. The declaration order is the order in which reasons are reported, so
 * keep it as docs/kpis-and-scores.md lists them.
 */
public enum RiskReason {
  REVENUE_DECLINE_12M,
  REVENUE_DROP_3M,
  NEGATIVE_NPS,
  LOW_CSAT
}
