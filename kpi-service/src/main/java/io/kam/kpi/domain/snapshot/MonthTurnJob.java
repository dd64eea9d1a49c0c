package io.kam.kpi.domain.snapshot;

import io.kam.kpi.config.KpiConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * When the month turns, every snapshot moves to the new as-of month; only those whose values change
 * are published. Runs periodically (so a turn missed while down is caught up) and is safe with
 * several instances: each batch locks its accounts with SKIP LOCKED, so instances share the work
 * and an account is never recomputed by two at once.
 */
@ApplicationScoped
public class MonthTurnJob {

  private final SnapshotService snapshots;
  private final KpiConfig config;

  public MonthTurnJob(SnapshotService snapshots, KpiConfig config) {
    this.snapshots = snapshots;
    this.config = config;
  }

  @Scheduled(
      every = "${kam.kpi.month-turn-every:5m}",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    int done = turnMonth();
    if (done > 0) {
      Log.infof(
          "month turn: %d account snapshots recomputed for %s", done, snapshots.currentAsOfMonth());
    }
  }

  /** Recomputes every snapshot not yet computed for the current as-of month; returns how many. */
  public int turnMonth() {
    int total = 0;
    int batch;
    do {
      batch = snapshots.turnMonthBatch(config.snapshotBatchSize());
      total += batch;
    } while (batch > 0);
    return total;
  }
}
