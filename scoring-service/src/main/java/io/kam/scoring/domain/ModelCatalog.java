package io.kam.scoring.domain;

import io.kam.scoring.domain.calc.ModelValidator;
import io.kam.scoring.domain.calc.ScoringModelSpec;
import io.kam.scoring.domain.calc.Thresholds;
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
  private final Map<Integer, Thresholds> thresholdsByVersion = new ConcurrentHashMap<>();

  public ModelCatalog(ScoringModelRepository models) {
    this.models = models;
  }

  public ScoringModel active() {
    return models.active().orElseThrow(() -> new IllegalStateException("no active scoring model"));
  }

  public ScoringModelSpec activeSpec() {
    return spec(active());
  }

  /** The spec of the model {@code id}: read once, then from the cache (models never change). */
  public ScoringModelSpec spec(UUID id) {
    ScoringModelSpec cached = specs.get(id);
    return cached != null ? cached : spec(models.findById(id));
  }

  /** The tier thresholds of model {@code version} (a score's explanation), cached like specs. */
  public Thresholds thresholds(int version) {
    Thresholds cached = thresholdsByVersion.get(version);
    if (cached != null) {
      return cached;
    }
    ScoringModel model = models.find("version", version).firstResult();
    Thresholds t = model == null ? Thresholds.defaults() : spec(model).thresholds();
    thresholdsByVersion.put(version, t);
    return t;
  }

  public ScoringModelSpec spec(ScoringModel model) {
    return specs.computeIfAbsent(
        model.id, id -> ModelValidator.toSpec(model.version, ScoreJson.model(model.definition)));
  }
}
