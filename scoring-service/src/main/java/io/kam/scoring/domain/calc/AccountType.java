package io.kam.scoring.domain.calc;

/** The value / potential quadrant of an account (see {@link AccountTypeRule}). */
public enum AccountType {
  STRATEGIC,
  HIGH_GROWTH,
  STABLE,
  TACTICAL
}
