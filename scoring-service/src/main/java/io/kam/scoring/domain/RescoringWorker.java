package io.kam.scoring.domain;

import io.kam.chassis.time.KamClock;
import io.kam.scoring.config.ScoringConfig;
import io.kam.scoring.domain.calc.ScoringModelSpec;
import io.kam.scoring.domain.calc.Tier;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rescores every account after an activation, one batch per transaction. The batch's accounts, the
 * job's progress ({@code lastAccountId}, counts) and the events of changed accounts commit together,
 * so a worker that stops anywhere (restart, crash) resumes after the last committed batch and no
 * account is rescored twice. Several instances may run: the job row is locked per batch.
 */
@ApplicationScoped
public class RescoringWorker {

  private final EntityManager em;
  private final ModelCatalog models;
  private final MonthEndTiers monthEndTiers;
  private final Scorer scorer;
  private final KamClock clock;
  private final ScoringConfig config;
  private volatile boolean stopped;

  public RescoringWorker(
      EntityManager em,
      ModelCatalog models,
      MonthEndTiers monthEndTiers,
      Scorer scorer,
      KamClock clock,
      ScoringConfig config) {
    this.em = em;
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
    List<RescoringJob> jobs =
        em.createNativeQuery(
                "select * from rescoring_job where status = 'RUNNING' order by id limit 1"
                    + " for update skip locked",
                RescoringJob.class)
            .getResultList();
    if (jobs.isEmpty()) {
      return false;
    }
    RescoringJob job = jobs.get(0);
    ScoringModel model = em.find(ScoringModel.class, job.modelId);
    if (!ScoringModel.ACTIVE.equals(model.status)) {
      job.status = RescoringJob.CANCELLED;
      return true;
    }
    List<Account> accounts = nextAccounts(job.lastAccountId);
    if (accounts.isEmpty()) {
      job.status = RescoringJob.DONE;
      job.finishedAt = clock.now();
      job.accountsTotal = Math.max(job.accountsTotal, job.accountsDone);
      Log.infof(
          "rescoring for model %d done: %d accounts, %d changed",
          model.version, job.accountsDone, job.accountsChanged);
      return true;
    }
    ScoringModelSpec spec = models.spec(model);
    Map<UUID, Tier> monthEnd = monthEndTiers.of(accounts.stream().map(a -> a.id).toList());
    int changed = 0;
    for (Account a : accounts) {
      if (scorer.rescore(a, spec, monthEnd.get(a.id), Causes.MODEL)) {
        changed++;
      }
    }
    job.lastAccountId = accounts.get(accounts.size() - 1).id;
    job.accountsDone += accounts.size();
    job.accountsChanged += changed;
    return true;
  }

  private List<Account> nextAccounts(UUID after) {
    String sql =
        "select * from account where has_snapshot and not deleted"
            + (after == null ? "" : " and id > ?1")
            + " order by id limit "
            + config.rescoring().batchSize()
            + " for update";
    var q = em.createNativeQuery(sql, Account.class);
    if (after != null) {
      q.setParameter(1, after);
    }
    @SuppressWarnings("unchecked")
    List<Account> accounts = q.getResultList();
    return accounts;
  }

}
