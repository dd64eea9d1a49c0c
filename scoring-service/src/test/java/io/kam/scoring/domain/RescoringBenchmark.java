package io.kam.scoring.domain;

import static org.awaitility.Awaitility.await;

import io.kam.scoring.domain.calc.ModelDraft;
import io.kam.scoring.domain.calc.ScoringModelSpec;
import io.kam.scoring.domain.calc.Thresholds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rescoring throughput after an activation, on the real database and broker. NOT part of {@code
 * verify} (the class name matches no surefire include); run it with
 *
 * <pre>
 * ./mvnw -B -o -q -pl scoring-service verify -Dtest=RescoringBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.accounts=100000
 * </pre>
 *
 * and read the figures in
 * target/surefire-reports/io.kam.scoring.domain.RescoringBenchmark-output.txt (lines starting with
 * BENCHMARK). Two runs: the first scores every account for the first time (each one changes:
 * history and events for all), the second moves the revenue normalization so that most scores
 * change again.
 */
@QuarkusTest
@TestProfile(RescoringBenchmark.OwnDatabase.class)
class RescoringBenchmark {

  public static class OwnDatabase implements QuarkusTestProfile {
    @Override
    public boolean disableGlobalTestResources() {
      return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(
          new TestResourceEntry(
              io.kam.platform.PlatformTestResource.class, Map.of("database", "scoring_benchmark")));
    }
  }

  @Inject EntityManager em;
  @Inject ModelService models;

  @Test
  void rescoresTheWholePortfolio() {
    int accounts = Integer.getInteger("benchmark.accounts", 100_000);
    seed(accounts);
    ScoringModelSpec base = ScoringModelSpec.defaultModel();
    run(
        "first scoring",
        accounts,
        new ScoringModelSpec(
            2,
            base.criteria(),
            new Thresholds(
                BigDecimal.valueOf(72), BigDecimal.valueOf(65), BigDecimal.valueOf(50))));
    var revenue = base.criteria().get(0);
    var criteria = new java.util.ArrayList<>(base.criteria());
    criteria.set(
        0,
        new io.kam.scoring.domain.calc.Criterion(
            revenue.key(),
            revenue.input(),
            revenue.weight(),
            io.kam.scoring.domain.calc.Normalization.log(
                new BigDecimal("10000"), new BigDecimal("20000000"))));
    run("model change", accounts, new ScoringModelSpec(3, criteria, base.thresholds()));
  }

  private void run(String label, int accounts, ScoringModelSpec spec) {
    ScoringModel draft = models.create(ModelDraft.of(spec), "benchmark");
    long start = System.nanoTime();
    models.activate(draft.id);
    await()
        .atMost(Duration.ofHours(1))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> RescoringJob.DONE.equals(job(draft.id).status));
    double seconds = (System.nanoTime() - start) / 1e9;
    RescoringJob job = job(draft.id);
    System.out.printf(
        "BENCHMARK %s: %d accounts (%d changed) rescored in %.1f s = %.0f accounts/s%n",
        label, job.accountsDone, job.accountsChanged, seconds, job.accountsDone / seconds);
  }

  private RescoringJob job(UUID modelId) {
    return QuarkusTransaction.requiringNew().call(() -> models.latestJob(modelId));
  }

  private void seed(int accounts) {
    long start = System.nanoTime();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "insert into account (id, name, owner_id, strategic_alignment, market_influence, fit,"
                            + " partnership, has_snapshot, as_of_month, t12m_revenue, t12m_growth, last3m_growth,"
                            + " share_of_wallet, nps_t12m, csat_t12m, cross_sell_count)"
                            + " select gen_random_uuid(), 'Bench ' || g, 'kam-bench-' || (g % 50), 1 + g % 5,"
                            + " 1 + (g / 5) % 5, 1 + (g / 25) % 5, 3, true, '2026-10',"
                            + " round((random() * 5000000)::numeric, 2), round((random() - 0.3)::numeric, 4),"
                            + " round((random() - 0.4)::numeric, 4), round(random()::numeric, 4),"
                            + " round((random() * 200 - 100)::numeric, 2), round((random() * 100)::numeric, 2), g % 3"
                            + " from generate_series(1, ?1) g")
                    .setParameter(1, accounts)
                    .executeUpdate());
    System.out.printf(
        "BENCHMARK seeded %d accounts in %.1f s%n", accounts, (System.nanoTime() - start) / 1e9);
  }
}
