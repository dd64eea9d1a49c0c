package io.kam.chassis.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a rebuild relies on: it waits for the batch in progress and holds the next ones. */
class TopicGateTest {

  @Test
  void aClosedTopicHoldsItsConsumersUntilOpenedAndLetsTheRebuildThreadThrough() throws Exception {
    TopicGate gate = new TopicGate();
    gate.close(List.of("kam.account.events"));
    CountDownLatch applied = new CountDownLatch(1);
    Thread live =
        new Thread(
            () -> {
              gate.enter("kam.account.events");
              applied.countDown();
              gate.exit("kam.account.events");
            });
    live.start();
    // The rebuild's own replay passes while the live consumer waits.
    gate.enter("kam.account.events");
    gate.exit("kam.account.events");
    gate.enter("kam.score.events"); // other topics are not held
    gate.exit("kam.score.events");
    awaitParked(live);
    assertFalse(applied.getCount() == 0, "the live consumer is held");
    gate.open(List.of("kam.account.events"));
    assertTrue(applied.await(10, TimeUnit.SECONDS), "the live consumer resumes");
    live.join();
  }

  /** The thread waits on the gate's lock (it cannot be anywhere else in these tests). */
  private static void awaitParked(Thread t) {
    await().atMost(Duration.ofSeconds(10)).until(() -> t.getState() == Thread.State.WAITING);
  }

  @Test
  void closingWaitsForTheBatchInProgress() throws Exception {
    TopicGate gate = new TopicGate();
    gate.enter("kam.account.events"); // a live batch is being applied
    CountDownLatch closed = new CountDownLatch(1);
    Thread rebuild =
        new Thread(
            () -> {
              try {
                gate.close(List.of("kam.account.events"));
                closed.countDown();
                gate.open(List.of("kam.account.events"));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    rebuild.start();
    awaitParked(rebuild);
    assertFalse(closed.getCount() == 0, "the rebuild waits for the batch");
    gate.exit("kam.account.events");
    assertTrue(closed.await(10, TimeUnit.SECONDS), "the rebuild starts once the batch is done");
    rebuild.join();
  }
}
