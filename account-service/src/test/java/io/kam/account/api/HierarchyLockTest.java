package io.kam.account.api;

import static io.kam.account.testdata.Api.as;
import static io.kam.account.testdata.Api.asApiKey;
import static io.kam.account.testdata.Api.sync;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.kam.account.domain.AccountService;
import io.kam.account.domain.Actor;
import io.kam.account.domain.Hierarchy;
import io.kam.account.domain.SyncService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: a hierarchy change locks only the chain above its new parent, a write that sets no new
 * parent locks nothing beyond its own rows, and two moves that together would close a cycle still
 * meet: the second waits for the first and is refused. Each test holds one transaction open and
 * shows, by completion or by a lock wait seen in pg_stat_activity, what the other does meanwhile.
 */
@QuarkusTest
class HierarchyLockTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Actor MANAGER = new Actor("mgr-max", Set.of("kam-manager"), "user:mgr-max");

  @Inject AccountService accounts;
  @Inject Hierarchy hierarchy;
  @Inject SyncService syncService;
  @Inject AccountRequestMapper mapper;
  @Inject AgroalDataSource ds;

  private final String source = "lock-" + UUID.randomUUID().toString().substring(0, 8);

  private Map<String, Object> item(String externalId, Object... fields) {
    Map<String, Object> m = new HashMap<>(Map.of("source", source, "externalId", externalId));
    for (int i = 0; i < fields.length; i += 2) {
      m.put((String) fields[i], fields[i + 1]);
    }
    return m;
  }

  /** Creates the accounts (name = key, parent by key) and returns their ids by key. */
  @SafeVarargs
  private final Map<String, String> load(Map<String, Object>... items) {
    var r = sync(asApiKey("crm", "integration"), (Object[]) items);
    Map<String, String> ids = new HashMap<>();
    for (int i = 0; i < items.length; i++) {
      assertEquals("CREATED", r.path("results[" + i + "].status"));
      ids.put((String) items[i].get("externalId"), r.path("results[" + i + "].id"));
    }
    return ids;
  }

  private Map<String, Object> account(String key, String parentKey) {
    return parentKey == null
        ? item(key, "name", key)
        : item(key, "name", key, "parentExternalId", parentKey);
  }

  @Test
  void movesInAnotherTreeAndBelowTheSameParentDoNotWaitForAMoveInFlight() throws Exception {
    Map<String, String> ids =
        load(
            account("R1", null),
            account("C1", "R1"),
            account("D1", "R1"),
            account("N1", null),
            account("R2", null),
            account("C2", "R2"),
            account("N2", null));
    try (Held move =
        hold(
            () -> {
              UUID c1 = UUID.fromString(ids.get("C1"));
              accounts.writable(c1, MANAGER);
              hierarchy.checkParent(c1, UUID.fromString(ids.get("N1")));
            })) {
      // another tree, by sync
      assertEquals(
          "UPDATED",
          within(() -> syncNow(account("C2", "N2")).path("results[0].status").toString()));
      // the same new parent, by PATCH: share locks on N1's chain do not exclude each other
      assertEquals(
          200, within(() -> patchParent(ids.get("D1"), ids.get("N1")).statusCode()).intValue());
      // but the chain the move checked is held: a write of N1 itself waits for it
      CompletableFuture<Response> renameN1 =
          CompletableFuture.supplyAsync(() -> patch(ids.get("N1"), "{\"name\":\"N1 renamed\"}"));
      awaitLockWaiter();
      move.commit();
      assertEquals(200, renameN1.get(30, TimeUnit.SECONDS).statusCode());
    }
  }

  @Test
  void aBatchThatRestatesItsParentsTakesNoHierarchyLock() throws Exception {
    Map<String, String> ids = load(account("R", null), account("C", "R"), account("X", null));
    try (Held move =
        hold(
            () -> {
              UUID x = UUID.fromString(ids.get("X"));
              accounts.writable(x, MANAGER);
              hierarchy.checkParent(x, UUID.fromString(ids.get("R")));
            })) {
      Map<String, Object> renamed = account("C", "R");
      renamed.put("name", "C renamed");
      assertEquals("UPDATED", within(() -> syncNow(renamed).path("results[0].status").toString()));
    }
  }

  @Test
  void twoMovesThatWouldCloseACycleMeetAndTheSecondIsRefused() throws Exception {
    Map<String, String> ids = load(account("A", null), account("B", null));
    UUID a = UUID.fromString(ids.get("A"));
    UUID b = UUID.fromString(ids.get("B"));
    CompletableFuture<Response> bUnderA;
    try (Held aUnderB = hold(() -> accounts.change(a, "*", d -> d.withParent(b), MANAGER))) {
      bUnderA = CompletableFuture.supplyAsync(() -> patchParent(ids.get("B"), ids.get("A")));
      awaitLockWaiter();
      aUnderB.commit();
    }
    bUnderA
        .get(30, TimeUnit.SECONDS)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("parentId"))
        .body("detail", containsString("cycle"));
    assertEquals(b, accounts.get(a).parentId());
    assertEquals(null, accounts.get(b).parentId());
  }

  @Test
  void twoSyncsThatWouldCloseACycleMeetAndTheSecondItemIsRejected() throws Exception {
    Map<String, String> ids = load(account("A", null), account("B", null));
    CompletableFuture<io.restassured.response.ExtractableResponse<Response>> bUnderA;
    try (Held aUnderB =
        hold(
            () -> {
              var results =
                  syncService.sync(List.of(node(account("A", "B"))), mapper, MANAGER, false);
              assertEquals("UPDATED", results.get(0).status().name());
            })) {
      bUnderA = CompletableFuture.supplyAsync(() -> syncNow(account("B", "A")));
      awaitLockWaiter();
      aUnderB.commit();
    }
    bUnderA
        .get(30, TimeUnit.SECONDS)
        .response()
        .then()
        .body("results[0].status", equalTo("REJECTED"))
        .body("results[0].errors[0].field", equalTo("parentExternalId"))
        .body("results[0].errors[0].message", containsString("cycle"));
    assertEquals(
        UUID.fromString(ids.get("B")), accounts.get(UUID.fromString(ids.get("A"))).parentId());
    assertEquals(null, accounts.get(UUID.fromString(ids.get("B"))).parentId());
  }

  private io.restassured.response.ExtractableResponse<Response> syncNow(Map<String, Object> item) {
    return sync(asApiKey("crm", "integration"), item);
  }

  private static Response patchParent(String id, String parent) {
    return patch(id, "{\"parentId\":\"" + parent + "\"}");
  }

  private static Response patch(String id, String body) {
    return as("mgr-max", "kam-manager")
        .contentType("application/merge-patch+json")
        .header("If-Match", "*")
        .body(body)
        .when()
        .patch("/api/v1/accounts/" + id)
        .then()
        .extract()
        .response();
  }

  private static JsonNode node(Map<String, Object> item) {
    return JSON.valueToTree(item);
  }

  /** Completes while the held transaction is still open (a bound, not a measured time). */
  private static <T> T within(Supplier<T> call) throws Exception {
    return CompletableFuture.supplyAsync(call).get(30, TimeUnit.SECONDS);
  }

  /** Runs {@code work} in a transaction of its own and keeps it open until commit() or close(). */
  private static Held hold(Runnable work) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> tx =
        CompletableFuture.runAsync(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          work.run();
                          done.countDown();
                          try {
                            release.await(60, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        }));
    assertTrue(
        done.await(30, TimeUnit.SECONDS) || tx.isDone(), "the held transaction did its work");
    if (tx.isCompletedExceptionally()) {
      tx.join();
    }
    return new Held(release, tx);
  }

  private record Held(CountDownLatch release, CompletableFuture<Void> tx) implements AutoCloseable {
    void commit() throws Exception {
      release.countDown();
      tx.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
      commit();
    }
  }

  private void awaitLockWaiter() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              try (Connection c = ds.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "select count(*) from pg_stat_activity"
                              + " where wait_event_type = 'Lock' and datname = current_database()");
                  ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
              }
            });
  }
}
