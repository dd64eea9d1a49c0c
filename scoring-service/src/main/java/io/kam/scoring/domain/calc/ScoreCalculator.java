package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores one account with one model (docs/kpis-and-scores.md, "Scoring"): a pure function, so the
 * live scoring, the rescoring after a model activation and {@code simulate} all compute exactly the
 * same thing.
 */
public final class ScoreCalculator {

  private static final MathContext MC = MathContext.DECIMAL64;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ScoreCalculator() {}

  /**
   * @param previousMonthEndComputedTier the computed tier at the end of the previous calendar
   *     month, null if the account had none; drives the KEY hysteresis
   */
  public static ScoreResult compute(
      ScoringModelSpec model, ScoreInputs inputs, Tier previousMonthEndComputedTier) {
    List<Present> present = new ArrayList<>();
    BigDecimal presentWeight = BigDecimal.ZERO;
    BigDecimal weightedSum = BigDecimal.ZERO;
    for (Criterion c : model.criteria()) {
      Optional<BigDecimal> input = c.input().read(inputs);
      if (input.isPresent()) {
        BigDecimal normalized = c.normalization().apply(input.get());
        present.add(new Present(c, input.get(), normalized));
        presentWeight = presentWeight.add(c.weight());
        // Products and sums of finite decimals are exact; only the divisions below round.
        weightedSum = weightedSum.add(c.weight().multiply(normalized));
      }
    }

    BigDecimal score =
        present.isEmpty()
            ? null
            : ScoreRounding.round(HUNDRED.multiply(weightedSum).divide(presentWeight, MC));
    RiskAssessment risk = DefectionRiskRule.assess(inputs);
    return new ScoreResult(
        score,
        TierRule.computedTier(score, model.thresholds(), previousMonthEndComputedTier),
        AccountTypeRule.classify(normalizedByKey(present)),
        risk.risk(),
        risk.reasons(),
        presentWeight.divide(model.totalWeight(), MC),
        breakdown(model, present, presentWeight));
  }

  private static List<BreakdownItem> breakdown(
      ScoringModelSpec model, List<Present> present, BigDecimal presentWeight) {
    List<BreakdownItem> items = new ArrayList<>();
    for (Criterion c : model.criteria()) {
      Present p = present.stream().filter(x -> x.criterion == c).findFirst().orElse(null);
      if (p == null) {
        items.add(new BreakdownItem(c.key(), null, null, c.weight(), null));
      } else {
        BigDecimal contribution =
            HUNDRED.multiply(c.weight()).multiply(p.normalized).divide(presentWeight, MC);
        items.add(new BreakdownItem(c.key(), p.input, p.normalized, c.weight(), contribution));
      }
    }
    return items;
  }

  private static Map<String, BigDecimal> normalizedByKey(List<Present> present) {
    Map<String, BigDecimal> byKey = new HashMap<>();
    present.forEach(p -> byKey.put(p.criterion.key(), p.normalized));
    return byKey;
  }

  private record Present(Criterion criterion, BigDecimal input, BigDecimal normalized) {}
}
