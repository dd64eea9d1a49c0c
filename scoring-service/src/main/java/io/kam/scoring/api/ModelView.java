package io.kam.scoring.api;

import io.kam.scoring.domain.RescoringJob;
import io.kam.scoring.domain.ScoreJson;
import io.kam.scoring.domain.ScoringModel;
import io.kam.scoring.domain.calc.ModelDraft;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A scoring model: its criteria and thresholds as written, its status and, once activated, the
 * progress of rescoring the portfolio with it.
 */
public record ModelView(
    UUID id,
    int version,
    String status,
    List<ModelDraft.CriterionDraft> criteria,
    ModelDraft.ThresholdsDraft thresholds,
    Instant createdAt,
    String createdBy,
    Instant activatedAt,
    Instant retiredAt,
    Rescoring rescoring) {

  /**
   * status RUNNING, DONE or CANCELLED (superseded by a later activation); accountsChanged: rescored
   * accounts whose result moved (history and events), the others only took the new model version.
   */
  public record Rescoring(
      String status,
      int accountsTotal,
      int accountsDone,
      int accountsChanged,
      Instant startedAt,
      Instant finishedAt) {}

  static ModelView of(ScoringModel m, RescoringJob job) {
    ModelDraft d = ScoreJson.model(m.definition);
    Rescoring r =
        job == null
            ? null
            : new Rescoring(
                job.status,
                job.accountsTotal,
                job.accountsDone,
                job.accountsChanged,
                job.startedAt,
                job.finishedAt);
    return new ModelView(
        m.id,
        m.version,
        m.status,
        d.criteria(),
        d.thresholds(),
        m.createdAt,
        m.createdBy,
        m.activatedAt,
        m.retiredAt,
        r);
  }
}
