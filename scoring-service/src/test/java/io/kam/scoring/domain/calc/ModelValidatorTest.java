package io.kam.scoring.domain.calc;

import static io.kam.scoring.domain.calc.Decimals.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.scoring.domain.calc.ModelDraft.CriterionDraft;
import io.kam.scoring.domain.calc.ModelDraft.NormalizationDraft;
import io.kam.scoring.domain.calc.ModelDraft.ThresholdsDraft;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {

  private final ModelDraft valid = ModelDraft.of(ScoringModelSpec.defaultModel());

  /** The default model's draft with criterion {@code index} replaced. */
  private ModelDraft withCriterion(int index, CriterionDraft criterion) {
    List<CriterionDraft> criteria = new ArrayList<>(valid.criteria());
    criteria.set(index, criterion);
    return new ModelDraft(criteria, valid.thresholds());
  }

  private ModelDraft withThresholds(String key, String keyExit, String developing) {
    return new ModelDraft(
        valid.criteria(),
        new ThresholdsDraft(decOrNull(key), decOrNull(keyExit), decOrNull(developing)));
  }

  private static CriterionDraft criterion(
      String key, String input, String weight, String kind, String min, String max) {
    return new CriterionDraft(
        key,
        input,
        decOrNull(weight),
        new NormalizationDraft(kind, decOrNull(min), decOrNull(max)));
  }

  private static BigDecimal decOrNull(String v) {
    return v == null ? null : dec(v);
  }

  private static void assertErrors(ModelDraft draft, ModelError... expected) {
    assertEquals(List.of(expected), ModelValidator.validate(draft));
  }

  @Test
  void theDefaultModelIsValidAndRoundTrips() {
    assertEquals(List.of(), ModelValidator.validate(valid));
    assertEquals(ScoringModelSpec.defaultModel(), ModelValidator.toSpec(1, valid));
  }

  @Test
  void weightMustBePositive() {
    assertErrors(
        withCriterion(2, criterion("walletHeadroom", "walletHeadroom", "0", "LINEAR", "0", "1")),
        new ModelError("criteria[2].weight", "must be > 0"));
    assertErrors(
        withCriterion(2, criterion("walletHeadroom", "walletHeadroom", "-0.1", "LINEAR", "0", "1")),
        new ModelError("criteria[2].weight", "must be > 0"));
    assertErrors(
        withCriterion(2, criterion("walletHeadroom", "walletHeadroom", null, "LINEAR", "0", "1")),
        new ModelError("criteria[2].weight", "must not be null"));
  }

  @Test
  void minMustBeBelowMax() {
    assertErrors(
        withCriterion(0, criterion("revenue", "t12mRevenue", "0.3", "LOG", "1000", "1000")),
        new ModelError("criteria[0].normalization.min", "must be < max"));
    assertErrors(
        withCriterion(1, criterion("growth", "t12mGrowth", "0.2", "LINEAR", "0.5", "-0.2")),
        new ModelError("criteria[1].normalization.min", "must be < max"));
  }

  @Test
  void logNeedsAPositiveMinimum() {
    assertErrors(
        withCriterion(0, criterion("revenue", "t12mRevenue", "0.3", "LOG", "0", "10000000")),
        new ModelError("criteria[0].normalization.min", "must be > 0 for LOG (log10 of min)"));
    // LINEAR may start at 0 or below
    assertEquals(
        List.of(),
        ModelValidator.validate(
            withCriterion(0, criterion("revenue", "t12mRevenue", "0.3", "LINEAR", "-5", "10"))));
  }

  @Test
  void unknownInputIsNamedWithTheKnownOnes() {
    List<ModelError> errors =
        ModelValidator.validate(
            withCriterion(1, criterion("growth", "t12mGrowht", "0.2", "LINEAR", "0", "1")));
    assertEquals(1, errors.size());
    assertEquals("criteria[1].input", errors.get(0).field());
    assertTrue(errors.get(0).message().startsWith("unknown input 't12mGrowht'; expected one of "));
    assertTrue(errors.get(0).message().contains("t12mGrowth, last3mGrowth, walletHeadroom"));
  }

  @Test
  void unknownNormalizationKindIsNamed() {
    assertErrors(
        withCriterion(1, criterion("growth", "t12mGrowth", "0.2", "linear", "0", "1")),
        new ModelError(
            "criteria[1].normalization.kind", "unknown kind 'linear'; expected LINEAR or LOG"));
  }

  @Test
  void missingPartsAreNamed() {
    assertErrors(
        withCriterion(3, new CriterionDraft(" ", null, dec("0.15"), null)),
        new ModelError("criteria[3].key", "must not be blank"),
        new ModelError("criteria[3].input", "must not be blank"),
        new ModelError("criteria[3].normalization", "must not be null"));
    assertErrors(
        withCriterion(3, criterion("strategicAlignment", "fit", "0.15", "LINEAR", null, null)),
        new ModelError("criteria[3].normalization.min", "must not be null"),
        new ModelError("criteria[3].normalization.max", "must not be null"));
    assertErrors(withCriterion(4, null), new ModelError("criteria[4]", "must not be null"));
  }

  @Test
  void duplicateKeysNameBothCriteria() {
    assertErrors(
        withCriterion(5, criterion("growth", "fit", "0.05", "LINEAR", "1", "5")),
        new ModelError("criteria[5].key", "duplicate key 'growth' (also criteria[1].key)"));
  }

  @Test
  void aModelNeedsCriteria() {
    assertErrors(
        new ModelDraft(List.of(), valid.thresholds()),
        new ModelError("criteria", "must contain at least one criterion"));
    assertErrors(
        new ModelDraft(null, valid.thresholds()),
        new ModelError("criteria", "must contain at least one criterion"));
  }

  @Test
  void thresholdsMustBeOrdered() {
    assertEquals(List.of(), ModelValidator.validate(withThresholds("70", "70", "50")));
    assertErrors(
        withThresholds("70", "71", "50"), new ModelError("thresholds.keyExit", "must be <= key"));
    assertErrors(
        withThresholds("70", "65", "65"),
        new ModelError("thresholds.developing", "must be < keyExit"));
  }

  @Test
  void thresholdsMustBeWithinZeroToHundredAndPresent() {
    assertErrors(
        withThresholds("100.1", "65", "-1"),
        new ModelError("thresholds.key", "must be between 0 and 100"),
        new ModelError("thresholds.developing", "must be between 0 and 100"));
    assertErrors(
        withThresholds("70", null, "50"), new ModelError("thresholds.keyExit", "must not be null"));
    assertErrors(
        new ModelDraft(valid.criteria(), null), new ModelError("thresholds", "must not be null"));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ModelDraft bad =
        new ModelDraft(
            List.of(
                criterion("a", "nope", "0", "LOG", "-1", "-2"),
                criterion("a", "fit", "1", "LINEAR", "1", "5")),
            new ThresholdsDraft(dec("60"), dec("65"), dec("50")));
    List<String> fields = ModelValidator.validate(bad).stream().map(ModelError::field).toList();
    assertEquals(
        List.of(
            "criteria[0].input",
            "criteria[0].weight",
            "criteria[0].normalization.min",
            "criteria[0].normalization.min",
            "criteria[1].key",
            "thresholds.keyExit"),
        fields);
  }

  @Test
  void toSpecRefusesAnInvalidDraftWithAllItsErrors() {
    ModelDraft bad = withThresholds("70", "71", "80");
    InvalidModelException e =
        assertThrows(InvalidModelException.class, () -> ModelValidator.toSpec(2, bad));
    assertEquals(
        List.of(
            new ModelError("thresholds.developing", "must be < keyExit"),
            new ModelError("thresholds.keyExit", "must be <= key")),
        e.errors());
  }

  @Test
  void toSpecBuildsTheModelWithItsVersion() {
    ModelDraft draft =
        new ModelDraft(
            List.of(criterion("nps", "npsT12m", "1", "LINEAR", "-100", "100")),
            new ThresholdsDraft(dec("80"), dec("75"), dec("60")));
    ScoringModelSpec spec = ModelValidator.toSpec(7, draft);
    assertEquals(7, spec.version());
    assertEquals(ScoringInput.NPS_T12M, spec.criteria().get(0).input());
    assertEquals(Normalization.Kind.LINEAR, spec.criteria().get(0).normalization().kind());
  }
}
