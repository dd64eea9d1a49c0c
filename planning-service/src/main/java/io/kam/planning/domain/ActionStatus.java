package io.kam.planning.domain;

public enum ActionStatus {
  OPEN,
  IN_PROGRESS,
  DONE,
  BLOCKED,
  CANCELLED;

  public boolean isClosed() {
    return this == DONE || this == CANCELLED;
  }
}
