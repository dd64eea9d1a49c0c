package io.kam.scoring.domain;

import io.kam.scoring.domain.calc.ModelValidator;
import io.kam.scoring.domain.calc.ScoringModelSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scoring models as the calculator needs them. A model's definition never changes, so specs are
 * cached by id.
 */
@ApplicationScoped
public class ModelCatalog {

  private final ScoringModelRepository models;
  private final Map<UUID, ScoringModelSpec> specs = new ConcurrentHashMap<>();

  public ModelCatalog(ScoringModelRepository models) {
    this.models = models;
  }

  public ScoringModel active() {
    return models.active().orElseThrow(() -> new IllegalStateException("no active scoring model"));
  }

  public ScoringModelSpec activeSpec() {
    return spec(active());
  }

  public ScoringModelSpec spec(ScoringModel model) {
    return specs.computeIfAbsent(
        model.id, id -> ModelValidator.toSpec(model.version, ScoreJson.model(model.definition)));
  }
}
