package io.kam.scoring.domain;

import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import io.kam.scoring.domain.calc.ModelDraft;
import io.kam.scoring.domain.calc.ModelError;
import io.kam.scoring.domain.calc.ModelValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.UUID;

/** Scoring models: drafts, activation (which starts a background rescoring), reading. */
@ApplicationScoped
@Transactional
public class ModelService {

  private final EntityManager em;
  private final KamClock clock;

  public ModelService(EntityManager em, KamClock clock) {
    this.em = em;
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
    m.version =
        ((Number) em.createNativeQuery("select nextval('scoring_model_version')").getSingleResult())
            .intValue();
    m.status = ScoringModel.DRAFT;
    // stored as the validated draft re-serialized: exactly the fields of the model, nothing else
    m.definition = ScoreJson.write(ModelDraft.of(ModelValidator.toSpec(m.version, draft)));
    m.createdAt = clock.now();
    m.createdBy = by;
    em.persist(m);
    return m;
  }

  @Transactional(TxType.SUPPORTS)
  public ScoringModel get(UUID id) {
    ScoringModel m = em.find(ScoringModel.class, id);
    if (m == null) {
      throw ProblemException.notFound("no scoring model " + id);
    }
    return m;
  }

  @Transactional(TxType.SUPPORTS)
  public List<ScoringModel> list(String status, int afterVersion, int limit) {
    return em.createQuery(
            "from ScoringModel m where m.version > :after and (:status is null or m.status = :status)"
                + " order by m.version",
            ScoringModel.class)
        .setParameter("after", afterVersion)
        .setParameter("status", status)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(TxType.SUPPORTS)
  public RescoringJob latestJob(UUID modelId) {
    return em.createQuery(
            "from RescoringJob j where j.modelId = :m order by j.id desc", RescoringJob.class)
        .setParameter("m", modelId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /**
   * Makes a DRAFT the active model, retires the previous one and starts rescoring every account in
   * the background (a job the worker picks up, resumable after a restart).
   */
  public ScoringModel activate(UUID id) {
    ScoringModel m = em.find(ScoringModel.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (m == null) {
      throw ProblemException.notFound("no scoring model " + id);
    }
    if (!ScoringModel.DRAFT.equals(m.status)) {
      throw ProblemException.conflict("only a DRAFT can be activated; this model is " + m.status);
    }
    em.createQuery("from ScoringModel where status = 'ACTIVE'", ScoringModel.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .forEach(
            active -> {
              active.status = ScoringModel.RETIRED;
              active.retiredAt = clock.now();
            });
    em.flush(); // the old one leaves ACTIVE before the new one enters (one active model, by index)
    m.status = ScoringModel.ACTIVE;
    m.activatedAt = clock.now();
    // A running job of an earlier model is superseded: this one rescoring everyone covers it.
    em.createQuery("update RescoringJob set status = :c where status = :r")
        .setParameter("c", RescoringJob.CANCELLED)
        .setParameter("r", RescoringJob.RUNNING)
        .executeUpdate();
    RescoringJob job = new RescoringJob();
    job.modelId = m.id;
    job.status = RescoringJob.RUNNING;
    job.accountsTotal =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from account where has_snapshot and not deleted")
                    .getSingleResult())
            .intValue();
    job.startedAt = clock.now();
    em.persist(job);
    return m;
  }
}
