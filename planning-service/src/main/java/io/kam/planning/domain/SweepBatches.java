package io.kam.planning.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.IntSupplier;

/**
 * The loop both sweeps share: claim a batch in a transaction of its own (so a long sweep holds no
 * lock for long and a failure loses one batch at most), again until a batch comes back short.
 */
final class SweepBatches {

  private SweepBatches() {}

  /** Runs {@code claimBatch} (returns how many it claimed) until it claims fewer than a batch. */
  static int run(int batchSize, IntSupplier claimBatch) {
    int total = 0;
    int n;
    do {
      n = QuarkusTransaction.requiringNew().call(claimBatch::getAsInt);
      total += n;
    } while (n == batchSize);
    return total;
  }
}
