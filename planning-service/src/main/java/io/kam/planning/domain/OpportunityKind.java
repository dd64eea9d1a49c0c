package io.kam.planning.domain;

public enum OpportunityKind {
  CROSS_SELL,
  UPSELL,
  RENEWAL
}
