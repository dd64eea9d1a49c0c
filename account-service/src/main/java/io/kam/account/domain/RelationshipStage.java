package io.kam.account.domain;

/** The KAM development model, in order of a deepening relationship. */
public enum RelationshipStage {
  TACTICAL,
  COOPERATIVE,
  INTERDEPENDENT,
  STRATEGIC
}
