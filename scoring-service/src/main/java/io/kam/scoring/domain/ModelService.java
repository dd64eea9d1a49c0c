package io.kam.scoring.domain;

import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import io.kam.scoring.domain.calc.ModelDraft;
import io.kam.scoring.domain.calc.ModelError;
import io.kam.scoring.domain.calc.ModelValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.UUID;

/** Scoring models: drafts, activation (which starts a background rescoring), reading. */
@ApplicationScoped
@Transactional
public class ModelService {

  private final ScoringModelRepository models;
  private final RescoringJobRepository jobs;
  private final AccountRepository accounts;
  private final KamClock clock;

  public ModelService(
      ScoringModelRepository models,
      RescoringJobRepository jobs,
      AccountRepository accounts,
      KamClock clock) {
    this.models = models;
    this.jobs = jobs;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** A new DRAFT with the next version; every problem of the draft is a 422 naming its field. */
  public ScoringModel create(ModelDraft draft, String by) {
    List<ModelError> errors = ModelValidator.validate(draft);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(
          errors.stream().map(e -> new Problem.FieldError(e.field(), e.message())).toList());
    }
    ScoringModel m = new ScoringModel();
    m.id = UUID.randomUUID();
    m.version = models.nextVersion();
    m.status = ScoringModel.DRAFT;
    // stored as the validated draft re-serialized: exactly the fields of the model, nothing else
    m.definition = ScoreJson.write(ModelDraft.of(ModelValidator.toSpec(m.version, draft)));
    m.createdAt = clock.now();
    m.createdBy = by;
    models.persist(m);
    return m;
  }

  @Transactional(TxType.SUPPORTS)
  public ScoringModel get(UUID id) {
    return models
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("no scoring model " + id));
  }

  @Transactional(TxType.SUPPORTS)
  public List<ScoringModel> list(String status, int afterVersion, int limit) {
    return models.page(status, afterVersion, limit);
  }

  @Transactional(TxType.SUPPORTS)
  public RescoringJob latestJob(UUID modelId) {
    return jobs.latestOf(modelId).orElse(null);
  }

  /**
   * Makes a DRAFT the active model, retires the previous one and starts rescoring every account in
   * the background (a job the worker picks up, resumable after a restart).
   */
  public ScoringModel activate(UUID id) {
    ScoringModel m = models.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (m == null) {
      throw ProblemException.notFound("no scoring model " + id);
    }
    if (!ScoringModel.DRAFT.equals(m.status)) {
      throw ProblemException.conflict("only a DRAFT can be activated; this model is " + m.status);
    }
    models
        .activeForUpdate()
        .forEach(
            active -> {
              active.status = ScoringModel.RETIRED;
              active.retiredAt = clock.now();
            });
    models.flush(); // the old one leaves ACTIVE before the new one enters (one active model, by
    // index)
    m.status = ScoringModel.ACTIVE;
    m.activatedAt = clock.now();
    // A running job of an earlier model is superseded: this one rescoring everyone covers it.
    jobs.cancelRunning();
    RescoringJob job = new RescoringJob();
    job.modelId = m.id;
    job.status = RescoringJob.RUNNING;
    job.accountsTotal = accounts.countWithSnapshot();
    job.startedAt = clock.now();
    jobs.persist(job);
    return m;
  }
}
