package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scoring model as a client wrote it: anything may be null, unknown or out of order. {@link
 * ModelValidator} reports what is wrong by field and turns a valid draft into a {@link
 * ScoringModelSpec}. Inputs and normalization kinds are plain strings here so that an unknown value
 * becomes a field error rather than a deserialization failure.
 */
public record ModelDraft(List<CriterionDraft> criteria, ThresholdsDraft thresholds) {

  /**
   * @param input a {@link ScoringInput#jsonName()}, e.g. {@code t12mRevenue}
   */
  public record CriterionDraft(
      String key, String input, BigDecimal weight, NormalizationDraft normalization) {}

  /**
   * @param kind {@code LINEAR} or {@code LOG}
   */
  public record NormalizationDraft(String kind, BigDecimal min, BigDecimal max) {}

  public record ThresholdsDraft(BigDecimal key, BigDecimal keyExit, BigDecimal developing) {}

  /** The draft that describes an existing model, e.g. to start a new version from it. */
  public static ModelDraft of(ScoringModelSpec spec) {
    List<CriterionDraft> criteria =
        spec.criteria().stream()
            .map(
                c ->
                    new CriterionDraft(
                        c.key(),
                        c.input().jsonName(),
                        c.weight(),
                        new NormalizationDraft(
                            c.normalization().kind().name(),
                            c.normalization().min(),
                            c.normalization().max())))
            .toList();
    Thresholds t = spec.thresholds();
    return new ModelDraft(criteria, new ThresholdsDraft(t.key(), t.keyExit(), t.developing()));
  }
}
