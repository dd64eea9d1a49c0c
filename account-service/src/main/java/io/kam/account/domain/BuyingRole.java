package io.kam.account.domain;

public enum BuyingRole {
  DECISION_MAKER,
  INFLUENCER,
  CHAMPION,
  USER,
  GATEKEEPER,
  BLOCKER
}
