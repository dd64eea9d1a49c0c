package io.kam.scoring.domain.calc;

/** The tier an account's score puts it in (see {@link TierRule} for the thresholds). */
public enum Tier {
  KEY,
  DEVELOPING,
  STANDARD
}
