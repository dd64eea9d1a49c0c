package io.kam.scoring.domain.calc;

/** How likely an account is to leave, from the number of {@link RiskReason}s it shows. */
public enum DefectionRisk {
  LOW,
  MEDIUM,
  HIGH
}
