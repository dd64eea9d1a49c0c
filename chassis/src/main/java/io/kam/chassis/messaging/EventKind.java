package io.kam.chassis.messaging;

/**
 * How a consumer treats one event type. A STATE carries the whole current value of something, so a
 * newer one supersedes it and an older one arriving late may be skipped by sequence. A FACT records
 * that something happened; nothing after it makes it redundant, so it is applied once whatever
 * arrived after it (redeliveries are still skipped by id).
 */
public enum EventKind {
  STATE,
  FACT
}
