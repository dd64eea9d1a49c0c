package io.kam.planning.domain;

public enum ObjectiveStatus {
  OPEN,
  ACHIEVED,
  MISSED,
  CANCELLED
}
