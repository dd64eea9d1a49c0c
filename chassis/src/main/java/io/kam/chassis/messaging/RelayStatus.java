package io.kam.chassis.messaging;

import java.time.Duration;
import java.time.Instant;

/**
 * What this instance knows about publishing, for the health details. It claims Kafka is reachable
 * only on evidence: an acknowledgement this instance received within the window. An instance that
 * lost the lock race (another one relays), has had nothing to publish, or just started reports
 * "unknown"; one whose last attempt within the window failed for want of the broker reports
 * "unreachable".
 */
final class RelayStatus {

  enum Role {
    PUBLISHING,
    STANDBY,
    DISABLED
  }

  private final Duration window;
  private volatile Role role = Role.STANDBY;
  private volatile Instant lastAcknowledged;
  private volatile Instant lastTrouble;

  RelayStatus(Duration window) {
    this.window = window;
  }

  void role(Role role) {
    this.role = role;
  }

  void acknowledged() {
    lastAcknowledged = Instant.now();
  }

  void trouble() {
    lastTrouble = Instant.now();
  }

  Role role() {
    return role;
  }

  Instant lastAcknowledged() {
    return lastAcknowledged;
  }

  /** The latest evidence within the window decides; without any, "unknown". */
  String kafka() {
    Instant ack = lastAcknowledged;
    Instant trouble = lastTrouble;
    Instant since = Instant.now().minus(window);
    if (trouble != null && trouble.isAfter(since) && (ack == null || !trouble.isBefore(ack))) {
      return "unreachable";
    }
    if (ack != null && ack.isAfter(since)) {
      return "reachable";
    }
    return "unknown";
  }
}
