package io.kam.planning.domain;

/** Why a plan was created or changed status, as published in the plan events. */
public enum StatusReason {
  MANUAL,
  REVIEWED,
  KEY_DESIGNATED,
  KEY_REVOKED,
  RISK_HIGH,
  ACCOUNT_DELETED
}
