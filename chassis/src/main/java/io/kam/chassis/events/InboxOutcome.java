package io.kam.chassis.events;

/** What the inbox did with one event. */
public enum InboxOutcome {
  APPLIED,
  DUPLICATE,
  STALE,
  PARKED
}
