package io.kam.scoring.domain;

import static io.kam.scoring.testdata.Api.manager;
import static io.kam.scoring.testdata.Api.viewer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.platform.TestKafka;
import io.kam.scoring.testdata.ModelJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Activating a model rescores the portfolio in the background, in batches whose progress is
 * persisted: a worker stopped half-way (as by a restart) resumes after the last committed batch and
 * rescores nobody twice; only accounts whose result changed get history and events.
 */
@QuarkusTest
@TestProfile(IsolatedPortfolio.class)
class ModelActivationTest {

  private static final int ACCOUNTS = 3000;

  @Inject PortfolioSeed seed;
  @Inject RescoringWorker worker;
  @Inject EntityManager em;

  @AfterEach
  void workerRuns() {
    worker.start();
  }

  @Test
  void rescoresEveryAccountInResumableBatchesAfterActivation() {
    String owner = "kam-" + UUID.randomUUID();
    List<UUID> ids = seed.scoredAccounts(owner, ACCOUNTS);
    worker.stop(); // as if the service went down right after the activation was accepted

    // revenue LOG up to 20 000 000 instead of 10 000 000: moves the 1 000 000 accounts only
    String model =
        manager()
            .contentType("application/json")
            .body(ModelJson.withRevenueMax("20000000", 70, 65, 50))
            .post("/api/v1/scoring-models")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    manager()
        .post("/api/v1/scoring-models/{id}/activate", model)
        .then()
        .statusCode(202)
        .body("status", equalTo("ACTIVE"))
        .body("rescoring.status", equalTo("RUNNING"))
        .body("rescoring.accountsDone", equalTo(0));
    viewer()
        .get("/api/v1/scoring-models/00000000-0000-0000-0000-000000000001")
        .then()
        .body("status", equalTo("RETIRED"));
    int version =
        viewer().get("/api/v1/scoring-models/{id}", model).then().extract().path("version");

    for (int i = 0; i < 3; i++) {
      assertTrue(worker.step());
    }
    viewer()
        .get("/api/v1/scoring-models/{id}", model)
        .then()
        .body("rescoring.status", equalTo("RUNNING"))
        .body("rescoring.accountsDone", equalTo(1500));

    worker.start(); // the restarted service's worker picks the job up where it was left
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                "DONE"
                    .equals(
                        viewer()
                            .get("/api/v1/scoring-models/{id}", model)
                            .then()
                            .extract()
                            .path("rescoring.status")));

    int total =
        viewer()
            .get("/api/v1/scoring-models/{id}", model)
            .then()
            .extract()
            .path("rescoring.accountsTotal");
    viewer()
        .get("/api/v1/scoring-models/{id}", model)
        .then()
        .body("rescoring.accountsDone", equalTo(total));
    assertTrue(total >= ACCOUNTS);
    assertEquals(
        ACCOUNTS / 2,
        count(
            "select count(*) from score_history h join account a on a.id = h.account_id"
                + " where a.owner_id = ?1 and h.cause = 'MODEL'",
            owner));
    assertEquals(
        0,
        count(
            "select count(*) from (select h.account_id from score_history h join account a"
                + " on a.id = h.account_id where a.owner_id = ?1 group by h.account_id having count(*) > 2) x",
            owner));
    assertEquals(
        ACCOUNTS,
        count(
            "select count(*) from account where owner_id = ?1 and model_version = " + version,
            owner));

    // one changed event per changed account for the new model, none for the unchanged ones
    Set<String> mine = new HashSet<>(ids.stream().map(UUID::toString).toList());
    Predicate<ConsumerRecord<String, String>> newModelChange =
        r ->
            mine.contains(r.key())
                && r.value().contains("\"type\":\"" + ScoreEvents.CHANGED + "\"")
                && r.value().contains("\"modelVersion\":" + version + ",");
    List<ConsumerRecord<String, String>> records =
        TestKafka.readUntil(
            "kam.score.events",
            rs -> rs.stream().filter(newModelChange).count() >= ACCOUNTS / 2,
            Duration.ofSeconds(60));
    List<String> changed =
        records.stream().filter(newModelChange).map(ConsumerRecord::key).toList();
    assertEquals(ACCOUNTS / 2, changed.size());
    assertEquals(ACCOUNTS / 2, new HashSet<>(changed).size());
    for (int i = 0; i < ids.size(); i++) {
      assertEquals(i % 2 == 1, changed.contains(ids.get(i).toString()));
    }
  }

  private long count(String sql, String owner) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number) em.createNativeQuery(sql).setParameter(1, owner).getSingleResult())
                    .longValue());
  }
}
