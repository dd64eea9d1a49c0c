package io.kam.scoring.domain;

/** An input of a score that can go stale (freshness). */
public enum StaleInput {
  REVENUE,
  SURVEY,
  ASSESSMENT
}
