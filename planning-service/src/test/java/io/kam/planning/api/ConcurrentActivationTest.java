package io.kam.planning.api;

import static io.kam.planning.testdata.AnAccount.anAccount;
import static io.kam.planning.testdata.Api.draftPlan;
import static io.kam.planning.testdata.Api.transition;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kam.planning.testdata.PublishedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentActivationTest {

  @Inject EntityManager em;

  @RepeatedTest(3)
  void exactlyOneOfTwoConcurrentActivationsWins() throws Exception {
    UUID account = anAccount().create().id();
    UUID plan = draftPlan(account);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return transition(plan, "activate").statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : calls) {
        statuses.add(f.get());
      }
      assertThat(statuses, containsInAnyOrder(200, 409));
    } finally {
      pool.shutdownNow();
    }
    assertThat(PublishedEvents.settled(account, "kam.plan.status-changed.v1", 1), hasSize(1));
  }

  @Test
  void exactlyOneOfTwoConcurrentDraftsForOneAccountIsCreated() throws Exception {
    UUID account = anAccount().create().id();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return io.kam.planning.testdata.Api.asManager()
                      .body(io.kam.planning.testdata.APlan.aPlan().forAccount(account).body())
                      .post("/api/v1/plans")
                      .statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : calls) {
        statuses.add(f.get());
      }
      assertThat(statuses, containsInAnyOrder(201, 409));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theDatabaseRefusesASecondLivePlanForOneAccount() {
    UUID account = anAccount().create().id();
    UUID plan = draftPlan(account);
    transition(plan, "activate").then().statusCode(200);
    // bypassing the service's own check: the partial unique index alone must refuse it
    assertThrows(
        Exception.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        em.createNativeQuery(
                                "insert into plan (id, account_id, title, period_start, period_end, review_every_days,"
                                    + " status, created_at, updated_at, version) values (?1, ?2, 't', date '2026-01-01',"
                                    + " date '2026-12-31', 90, 'UNDER_REVIEW', now(), now(), 0)")
                            .setParameter(1, UUID.randomUUID())
                            .setParameter(2, account)
                            .executeUpdate()));
    assertThat(io.kam.planning.testdata.Api.status(plan), is("ACTIVE"));
  }

  @Test
  void theDatabaseRefusesASecondDraftForOneAccount() {
    UUID account = anAccount().create().id();
    draftPlan(account);
    assertThrows(
        Exception.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () ->
                        em.createNativeQuery(
                                "insert into plan (id, account_id, title, period_start, period_end, review_every_days,"
                                    + " status, created_at, updated_at, version) values (?1, ?2, 't', date '2026-01-01',"
                                    + " date '2026-12-31', 90, 'DRAFT', now(), now(), 0)")
                            .setParameter(1, UUID.randomUUID())
                            .setParameter(2, account)
                            .executeUpdate()));
  }
}
