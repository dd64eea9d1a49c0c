package io.kam.account.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.account.testdata.Feed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two writers in flight at once: the second has written its account rows but must wait for the
 * first to commit before it takes a feed position, so a partner reading between the commits never
 * moves its cursor past a change that commits later.
 */
@QuarkusTest
class ChangeFeedOrderTest {

  @Inject AccountService accounts;

  private final Actor actor = new Actor("mgr-max", Set.of("kam-manager"), "user:mgr-max");

  @Test
  void aReaderBetweenTwoConcurrentCommitsSkipsNothing() throws Exception {
    String cursor = Feed.end();
    CountDownLatch aWritten = new CountDownLatch(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    CountDownLatch bWritten = new CountDownLatch(1);
    CountDownLatch releaseB = new CountDownLatch(1);
    String[] ids = new String[2];

    CompletableFuture<Void> a =
        CompletableFuture.runAsync(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          ids[0] = accounts.create(data("Writer A"), actor).id().toString();
                          aWritten.countDown();
                          await(releaseA);
                        }));
    assertTrue(aWritten.await(30, TimeUnit.SECONDS));
    CompletableFuture<Void> b =
        CompletableFuture.runAsync(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          ids[1] = accounts.create(data("Writer B"), actor).id().toString();
                          bWritten.countDown();
                          await(releaseB);
                        }));

    // B is in flight (rows written) but cannot take a feed position while A is uncommitted.
    assertFalse(bWritten.await(1, TimeUnit.SECONDS));
    Feed.Result nothingYet = Feed.since(cursor);
    assertEquals(List.of(), nothingYet.items());

    releaseA.countDown();
    a.get(30, TimeUnit.SECONDS);
    assertTrue(bWritten.await(30, TimeUnit.SECONDS));
    Feed.Result afterA = Feed.since(nothingYet.cursor());
    assertEquals(List.of(ids[0]), accountIds(afterA.items()));

    releaseB.countDown();
    b.get(30, TimeUnit.SECONDS);
    Feed.Result afterB = Feed.since(afterA.cursor());
    assertEquals(List.of(ids[1]), accountIds(afterB.items()));
  }

  private static List<Object> accountIds(List<Map<String, Object>> items) {
    return items.stream().map(i -> i.get("accountId")).toList();
  }

  private static AccountData data(String name) {
    return new AccountData(
        null,
        null,
        name + " " + java.util.UUID.randomUUID(),
        null,
        null,
        null,
        null,
        null,
        null,
        "mgr-max",
        List.of(),
        null,
        null,
        null,
        null,
        null);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
