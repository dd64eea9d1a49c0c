package io.kam.scoring.domain;

import io.kam.chassis.time.KamClock;
import io.kam.scoring.config.ScoringConfig;
import io.kam.scoring.domain.calc.ScoringModelSpec;
import io.kam.scoring.domain.calc.Tier;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rescores every account after an activation, one batch per transaction. The batch's accounts, the
 * job's progress ({@code lastAccountId}, counts) and the events of changed accounts commit
 * together; reads and writes are set-based ({@link RescoringBatch}), the numbers come from {@link
 * Scorer#evaluate} as for a live event, so a worker that stops anywhere (restart, crash) resumes
 * after the last committed batch and no account is rescored twice. Several instances may run: the
 * job row is locked per batch.
 */
@ApplicationScoped
public class RescoringWorker {

  private final RescoringJobRepository jobs;
  private final ScoringModelRepository scoringModels;
  private final RescoringBatch batches;
  private final ModelCatalog models;
  private final MonthEndTiers monthEndTiers;
  private final Scorer scorer;
  private final KamClock clock;
  private final ScoringConfig config;
  private volatile boolean stopped;

  public RescoringWorker(
      RescoringJobRepository jobs,
      ScoringModelRepository scoringModels,
      RescoringBatch batches,
      ModelCatalog models,
      MonthEndTiers monthEndTiers,
      Scorer scorer,
      KamClock clock,
      ScoringConfig config) {
    this.jobs = jobs;
    this.scoringModels = scoringModels;
    this.batches = batches;
    this.models = models;
    this.monthEndTiers = monthEndTiers;
    this.scorer = scorer;
    this.clock = clock;
    this.config = config;
  }

  @Scheduled(
      every = "${kam.scoring.rescoring.every}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void work() {
    while (!stopped && step()) {
      // until the job is done or the worker is stopped
    }
  }

  /** Stops taking batches after the current one, as a shutdown would (tests, operations). */
  void stop() {
    stopped = true;
  }

  void start() {
    stopped = false;
  }

  /** Runs one batch of the running job, if any; false when there was nothing to do. */
  boolean step() {
    return QuarkusTransaction.requiringNew().call(this::batch);
  }

  private boolean batch() {
    RescoringJob job = jobs.takeRunning().orElse(null);
    if (job == null) {
      return false;
    }
    ScoringModel model = scoringModels.findById(job.modelId);
    if (!ScoringModel.ACTIVE.equals(model.status)) {
      job.status = RescoringJob.CANCELLED;
      return true;
    }
    List<Account> batch = batches.lockNext(job.lastAccountId, config.rescoring().batchSize());
    if (batch.isEmpty()) {
      job.status = RescoringJob.DONE;
      job.finishedAt = clock.now();
      job.accountsTotal = Math.max(job.accountsTotal, job.accountsDone);
      Log.infof(
          "rescoring for model %d done: %d accounts, %d changed",
          model.version, job.accountsDone, job.accountsChanged);
      return true;
    }
    ScoringModelSpec spec = models.spec(model);
    Map<UUID, Tier> monthEnd = monthEndTiers.of(batch.stream().map(a -> a.id).toList());
    Instant now = clock.now();
    List<ScoreOutcome> outcomes = new ArrayList<>(batch.size());
    int changed = 0;
    for (Account a : batch) {
      ScoreOutcome o = scorer.evaluate(a, spec, monthEnd.get(a.id), Causes.MODEL, now);
      outcomes.add(o);
      if (o.changed()) {
        changed++;
      }
    }
    batches.write(outcomes, now);
    job.lastAccountId = batch.get(batch.size() - 1).id;
    job.accountsDone += batch.size();
    job.accountsChanged += changed;
    return true;
  }
}
