package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a model draft and reports every problem at once, each naming its field, so a client can
 * fix a draft in one round trip.
 */
public final class ModelValidator {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ModelValidator() {}

  /** All problems of {@code draft}; empty when it is a valid model. */
  public static List<ModelError> validate(ModelDraft draft) {
    List<ModelError> errors = new ArrayList<>();
    if (draft == null) {
      errors.add(new ModelError("", "must not be null"));
      return errors;
    }
    validateCriteria(draft.criteria(), errors);
    validateThresholds(draft.thresholds(), errors);
    return errors;
  }

  /**
   * The model of a valid draft.
   *
   * @throws InvalidModelException with all problems when the draft is not valid
   */
  public static ScoringModelSpec toSpec(int version, ModelDraft draft) {
    List<ModelError> errors = validate(draft);
    if (!errors.isEmpty()) {
      throw new InvalidModelException(errors);
    }
    List<Criterion> criteria =
        draft.criteria().stream()
            .map(
                c ->
                    new Criterion(
                        c.key(),
                        ScoringInput.fromJsonName(c.input()).orElseThrow(),
                        c.weight(),
                        new Normalization(
                            Normalization.Kind.valueOf(c.normalization().kind()),
                            c.normalization().min(),
                            c.normalization().max())))
            .toList();
    ModelDraft.ThresholdsDraft t = draft.thresholds();
    return new ScoringModelSpec(
        version, criteria, new Thresholds(t.key(), t.keyExit(), t.developing()));
  }

  private static void validateCriteria(
      List<ModelDraft.CriterionDraft> criteria, List<ModelError> errors) {
    if (criteria == null || criteria.isEmpty()) {
      errors.add(new ModelError("criteria", "must contain at least one criterion"));
      return;
    }
    Map<String, Integer> firstIndexOfKey = new HashMap<>();
    for (int i = 0; i < criteria.size(); i++) {
      String field = "criteria[" + i + "]";
      ModelDraft.CriterionDraft c = criteria.get(i);
      if (c == null) {
        errors.add(new ModelError(field, "must not be null"));
        continue;
      }
      if (c.key() == null || c.key().isBlank()) {
        errors.add(new ModelError(field + ".key", "must not be blank"));
      } else {
        Integer first = firstIndexOfKey.putIfAbsent(c.key(), i);
        if (first != null) {
          errors.add(
              new ModelError(
                  field + ".key",
                  "duplicate key '" + c.key() + "' (also criteria[" + first + "].key)"));
        }
      }
      validateInput(field + ".input", c.input(), errors);
      if (c.weight() == null) {
        errors.add(new ModelError(field + ".weight", "must not be null"));
      } else if (c.weight().signum() <= 0) {
        errors.add(new ModelError(field + ".weight", "must be > 0"));
      }
      validateNormalization(field + ".normalization", c.normalization(), errors);
    }
  }

  private static void validateInput(String field, String input, List<ModelError> errors) {
    if (input == null || input.isBlank()) {
      errors.add(new ModelError(field, "must not be blank"));
    } else if (ScoringInput.fromJsonName(input).isEmpty()) {
      errors.add(
          new ModelError(
              field, "unknown input '" + input + "'; expected one of " + ScoringInput.jsonNames()));
    }
  }

  private static void validateNormalization(
      String field, ModelDraft.NormalizationDraft n, List<ModelError> errors) {
    if (n == null) {
      errors.add(new ModelError(field, "must not be null"));
      return;
    }
    if (n.kind() == null || !(n.kind().equals("LINEAR") || n.kind().equals("LOG"))) {
      errors.add(
          new ModelError(
              field + ".kind", "unknown kind '" + n.kind() + "'; expected LINEAR or LOG"));
    }
    if (n.min() == null) {
      errors.add(new ModelError(field + ".min", "must not be null"));
    }
    if (n.max() == null) {
      errors.add(new ModelError(field + ".max", "must not be null"));
    }
    if (n.min() == null) {
      return;
    }
    if (n.max() != null && n.min().compareTo(n.max()) >= 0) {
      errors.add(new ModelError(field + ".min", "must be < max"));
    }
    if ("LOG".equals(n.kind()) && n.min().signum() <= 0) {
      errors.add(new ModelError(field + ".min", "must be > 0 for LOG (log10 of min)"));
    }
  }

  private static void validateThresholds(ModelDraft.ThresholdsDraft t, List<ModelError> errors) {
    if (t == null) {
      errors.add(new ModelError("thresholds", "must not be null"));
      return;
    }
    boolean inRange =
        inRange("thresholds.key", t.key(), errors)
            & inRange("thresholds.keyExit", t.keyExit(), errors)
            & inRange("thresholds.developing", t.developing(), errors);
    if (!inRange) {
      return; // the order of missing or out-of-range values says nothing more
    }
    if (t.developing().compareTo(t.keyExit()) >= 0) {
      errors.add(new ModelError("thresholds.developing", "must be < keyExit"));
    }
    if (t.keyExit().compareTo(t.key()) > 0) {
      errors.add(new ModelError("thresholds.keyExit", "must be <= key"));
    }
  }

  private static boolean inRange(String field, BigDecimal value, List<ModelError> errors) {
    if (value == null) {
      errors.add(new ModelError(field, "must not be null"));
      return false;
    }
    if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
      errors.add(new ModelError(field, "must be between 0 and 100"));
      return false;
    }
    return true;
  }
}
