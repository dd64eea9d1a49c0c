package io.kam.scoring.domain;

import static io.kam.scoring.testdata.Api.manager;
import static io.kam.scoring.testdata.Api.viewer;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.time.KamClock;
import io.kam.platform.TestKafka;
import io.kam.scoring.domain.calc.ScoreCalculator;
import io.kam.scoring.domain.calc.ScoringModelSpec;
import io.kam.scoring.domain.calc.Tier;
import io.kam.scoring.testdata.ModelJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rescoring after an activation writes set-based, batch by batch: every account ends exactly as the
 * scorer computes it one account at a time (scores, tiers with hysteresis and designations), with
 * the same history, computed-tier changes and events, and a worker stopped after a batch resumes
 * without rescoring anyone twice.
 */
@QuarkusTest
@TestProfile(IsolatedPortfolio.class)
class SetBasedRescoringTest {

  private static final int ACCOUNTS = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EntityManager em;
  @Inject ModelCatalog models;
  @Inject ScoringModelRepository scoringModels;
  @Inject MonthEndTiers monthEndTiers;
  @Inject Scorer scorer;
  @Inject RescoringWorker worker;
  @Inject KamClock clock;

  @AfterEach
  void workerRuns() {
    worker.start();
  }

  @Test
  void rescoresEveryAccountExactlyAsTheScorerDoesOneByOne() {
    String owner = "kam-" + UUID.randomUUID();
    List<UUID> mine = seed(owner);
    worker.stop();
    String modelId =
        manager()
            .contentType("application/json")
            .body(ModelJson.withRevenueMax("15000000", 68, 62, 45))
            .post("/api/v1/scoring-models")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    ScoringModelSpec spec =
        QuarkusTransaction.requiringNew()
            .call(() -> models.spec(scoringModels.findById(UUID.fromString(modelId))));

    // what the scorer makes of every scorable account, one by one, on detached copies
    Map<UUID, ScoreOutcome> expected = expectedOutcomes(spec);
    Map<UUID, Long> tierChangesBefore = tierChangesPerAccount(owner);
    long changed = expected.values().stream().filter(ScoreOutcome::changed).count();
    assertTrue(
        mine.stream().filter(id -> expected.get(id).changed()).count() > ACCOUNTS / 3,
        "the new model moves many of the seeded accounts");

    manager().post("/api/v1/scoring-models/{id}/activate", modelId).then().statusCode(202);
    assertTrue(worker.step()); // one batch, then the worker stops (as at a restart)
    int firstBatch = Math.min(500, expected.size());
    assertEquals(firstBatch, job(modelId).path("accountsDone").asInt());
    worker.start();
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> "DONE".equals(job(modelId).path("status").asText()));

    JsonNode job = job(modelId);
    assertEquals(expected.size(), job.path("accountsTotal").asInt());
    assertEquals(expected.size(), job.path("accountsDone").asInt());
    assertEquals(changed, job.path("accountsChanged").asLong());

    Map<UUID, Account> after = accounts();
    expected.forEach((id, o) -> assertSameScore(o.account(), after.get(id)));
    for (UUID id : mine) {
      Account a = after.get(id);
      Tier monthEnd = monthEndTiersBefore.get(id);
      assertEquals(
          0, ScoreCalculator.compute(spec, a.inputs(), monthEnd).score().compareTo(a.score));
    }

    Map<UUID, List<String>> history = historyOfVersion(owner, spec.version());
    Map<UUID, Long> tierChangesAfter = tierChangesPerAccount(owner);
    for (UUID id : mine) {
      ScoreOutcome o = expected.get(id);
      assertEquals(
          o.history() ? List.of(o.cause()) : List.of(),
          history.getOrDefault(id, List.of()),
          "history of " + id);
      assertEquals(
          tierChangesBefore.getOrDefault(id, 0L) + (o.tierChanged() ? 1 : 0),
          tierChangesAfter.getOrDefault(id, 0L),
          "computed-tier changes of " + id);
    }
    assertEvents(mine, expected, spec.version());
  }

  private Map<UUID, Tier> monthEndTiersBefore = Map.of();

  private Map<UUID, ScoreOutcome> expectedOutcomes(ScoringModelSpec spec) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<Account> all =
                  em.createQuery(
                          "from Account where hasSnapshot = true and deleted = false",
                          Account.class)
                      .getResultList();
              all.forEach(em::detach);
              monthEndTiersBefore = monthEndTiers.of(all.stream().map(a -> a.id).toList());
              Map<UUID, ScoreOutcome> outcomes = new HashMap<>();
              Instant now = clock.now();
              for (Account a : all) {
                outcomes.put(
                    a.id,
                    scorer.evaluate(a, spec, monthEndTiersBefore.get(a.id), Causes.MODEL, now));
              }
              return outcomes;
            });
  }

  private static void assertSameScore(Account expected, Account actual) {
    String id = expected.id.toString();
    assertEquals(0, expected.score.compareTo(actual.score), "score of " + id);
    assertEquals(expected.computedTier, actual.computedTier, "computed tier of " + id);
    assertEquals(expected.tier, actual.tier, "tier of " + id);
    assertEquals(expected.type, actual.type, "type of " + id);
    assertEquals(expected.risk, actual.risk, "risk of " + id);
    assertEquals(expected.riskReasons, actual.riskReasons, "risk reasons of " + id);
    assertEquals(0, expected.coverage.compareTo(actual.coverage), "coverage of " + id);
    assertEquals(expected.modelVersion, actual.modelVersion, "model version of " + id);
    assertEquals(expected.breakdown, actual.breakdown, "breakdown of " + id);
    assertEquals(expected.designationTier, actual.designationTier, "designation of " + id);
  }

  /**
   * Per changed account, in order after its new-model changed event: key-designated/revoked when
   * the tier crossed KEY, risk-changed when the risk moved; nothing for the unchanged ones.
   */
  private void assertEvents(List<UUID> mine, Map<UUID, ScoreOutcome> expected, int version) {
    Map<String, List<String>> wanted = new HashMap<>();
    for (UUID id : mine) {
      ScoreOutcome o = expected.get(id);
      List<String> types = new ArrayList<>();
      if (o.changed()) {
        types.add(ScoreEvents.CHANGED);
        boolean wasKey = "KEY".equals(o.before().tier());
        if (wasKey != "KEY".equals(o.after().tier())) {
          types.add(wasKey ? ScoreEvents.KEY_REVOKED : ScoreEvents.KEY_DESIGNATED);
        }
        if (!o.before().risk().equals(o.after().risk())) {
          types.add(ScoreEvents.RISK_CHANGED);
        }
      }
      wanted.put(id.toString(), types);
    }
    Map<String, List<JsonNode>> seen = new HashMap<>();
    TestKafka.readUntil(
        "kam.score.events",
        records -> {
          seen.clear();
          seen.putAll(afterNewModel(records, wanted, version));
          return wanted.entrySet().stream()
              .allMatch(
                  e -> seen.getOrDefault(e.getKey(), List.of()).size() >= e.getValue().size());
        },
        Duration.ofSeconds(60));
    for (UUID id : mine) {
      List<JsonNode> events = seen.getOrDefault(id.toString(), List.of());
      assertEquals(
          wanted.get(id.toString()),
          events.stream().map(e -> e.path("type").asText()).toList(),
          "events of " + id);
      if (!events.isEmpty()) {
        BigDecimal score = events.get(0).path("data").path("score").decimalValue();
        assertEquals(0, score.compareTo(expected.get(id).after().score()), "event score of " + id);
      }
    }
  }

  /** Each account's events from its changed event of {@code version} on. */
  private static Map<String, List<JsonNode>> afterNewModel(
      List<ConsumerRecord<String, String>> records, Map<String, List<String>> wanted, int version) {
    Map<String, List<JsonNode>> byAccount = new HashMap<>();
    for (ConsumerRecord<String, String> r : records) {
      if (!wanted.containsKey(r.key())) {
        continue;
      }
      JsonNode e = read(r.value());
      boolean marker =
          ScoreEvents.CHANGED.equals(e.path("type").asText())
              && e.path("data").path("modelVersion").asInt() == version;
      if (marker) {
        byAccount.put(r.key(), new ArrayList<>());
      }
      List<JsonNode> events = byAccount.get(r.key());
      if (events != null) {
        events.add(e);
      }
    }
    return byAccount;
  }

  /** Varied accounts scored live, some with a KEY month-end tier, some designated KEY. */
  private List<UUID> seed(String owner) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ScoringModelSpec active = models.activeSpec();
              List<UUID> ids = new ArrayList<>();
              for (int i = 0; i < ACCOUNTS; i++) {
                Account a = new Account();
                a.id = UUID.randomUUID();
                a.name = "Varied " + i;
                a.ownerId = owner;
                a.strategicAlignment = 1 + i % 5;
                a.marketInfluence = 1 + (i / 5) % 5;
                a.fit = 1 + (i / 25) % 5;
                a.partnership = 1 + (i / 3) % 5;
                a.hasSnapshot = true;
                a.asOfMonth = "2026-10";
                a.t12mRevenue = BigDecimal.valueOf(5_000L + 31_337L * i * (i % 7));
                a.t12mGrowth = BigDecimal.valueOf(i % 9 - 3, 1);
                a.last3mGrowth = BigDecimal.valueOf(i % 5 - 2, 1);
                a.shareOfWallet = BigDecimal.valueOf(i % 11, 1);
                a.npsT12m = BigDecimal.valueOf((i * 13) % 201 - 100);
                a.csatT12m = BigDecimal.valueOf(i % 101);
                a.crossSellCount = i % 4;
                if (i % 10 == 5) { // in force for the whole test
                  designate(a, "KEY", LocalDate.of(2099, 1, 1));
                }
                em.persist(a);
                scorer.rescore(a, active, null, Causes.SNAPSHOT);
                ids.add(a.id);
              }
              em.flush();
              for (int i = 0; i < ACCOUNTS; i++) {
                if (i % 7 == 0) { // KEY at the end of last month: the hysteresis applies
                  em.createNativeQuery(
                          "insert into computed_tier_change (account_id, at, tier)"
                              + " values (?1, timestamptz '2026-10-15T00:00:00Z', 'KEY')")
                      .setParameter(1, ids.get(i))
                      .executeUpdate();
                }
              }
              return ids;
            });
  }

  private void designate(Account a, String tier, LocalDate endsOn) {
    a.designationTier = tier;
    a.designationReason = "strategic";
    a.designationEndsOn = endsOn;
    a.designationBy = "kam-x";
    a.designationAt = clock.now();
  }

  private Map<UUID, Account> accounts() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<UUID, Account> all = new HashMap<>();
              em.createQuery("from Account", Account.class)
                  .getResultList()
                  .forEach(a -> all.put(a.id, a));
              return all;
            });
  }

  private Map<UUID, List<String>> historyOfVersion(String owner, int version) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  em.createNativeQuery(
                          "select h.account_id, h.cause from score_history h join account a"
                              + " on a.id = h.account_id where a.owner_id = ?1 and h.model_version = ?2"
                              + " order by h.id")
                      .setParameter(1, owner)
                      .setParameter(2, version)
                      .getResultList();
              Map<UUID, List<String>> causes = new HashMap<>();
              rows.forEach(
                  r ->
                      causes
                          .computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                          .add((String) r[1]));
              return causes;
            });
  }

  private Map<UUID, Long> tierChangesPerAccount(String owner) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  em.createNativeQuery(
                          "select c.account_id, count(*) from computed_tier_change c join account a"
                              + " on a.id = c.account_id where a.owner_id = ?1 group by c.account_id")
                      .setParameter(1, owner)
                      .getResultList();
              Map<UUID, Long> counts = new HashMap<>();
              rows.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).longValue()));
              return counts;
            });
  }

  private static JsonNode job(String modelId) {
    return read(viewer()
            .get("/api/v1/scoring-models/{id}", modelId)
            .then()
            .statusCode(200)
            .extract()
            .asString())
        .path("rescoring");
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
