package io.kam.chassis.messaging;

/** What the inbox did with one event. */
public enum InboxOutcome {
  APPLIED,
  DUPLICATE,
  STALE,
  PARKED
}
