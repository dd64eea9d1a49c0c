package io.kam.chassis.http;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

/** Removes Idempotency-Keys past their TTL, so the table holds about one day of keys. */
@Singleton
public class IdempotencyHousekeeping {

  private final IdempotencyClaims claims;

  public IdempotencyHousekeeping(IdempotencyClaims claims) {
    this.claims = claims;
  }

  @Scheduled(
      every = "${kam.idempotency.housekeeping-every:10m}",
      delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void clean() {
    try {
      int removed = claims.removeExpired();
      if (removed > 0) {
        Log.debugf("removed %d expired idempotency keys", removed);
      }
    } catch (RuntimeException e) {
      Log.warnf("idempotency housekeeping failed: %s", e.getMessage());
    }
  }
}
