package io.kam.scoring.domain.calc;

import static io.kam.scoring.domain.calc.Decimals.dec;
import static io.kam.scoring.domain.calc.ScoreInputsBuilder.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TierRuleTest {

  private final Thresholds defaults = Thresholds.defaults();

  private Tier tier(String score, Tier previousMonthEnd) {
    return TierRule.computedTier(score == null ? null : dec(score), defaults, previousMonthEnd);
  }

  @Test
  void seventyIsKey() {
    assertEquals(Tier.KEY, tier("70.0", null));
    assertEquals(Tier.KEY, tier("100.0", Tier.STANDARD));
  }

  @Test
  void justBelowSeventyWithoutAKeyMonthEndIsDeveloping() {
    assertEquals(Tier.DEVELOPING, tier("69.9", null));
    assertEquals(Tier.DEVELOPING, tier("69.9", Tier.DEVELOPING));
  }

  @Test
  void fiftyIsDevelopingAndBelowIsStandard() {
    assertEquals(Tier.DEVELOPING, tier("50.0", null));
    assertEquals(Tier.STANDARD, tier("49.9", null));
    assertEquals(Tier.STANDARD, tier("0.0", null));
  }

  @Test
  void keyAtMonthEndAnd66NowStaysKey() {
    assertEquals(Tier.KEY, tier("66.0", Tier.KEY));
  }

  @Test
  void keyAtMonthEndAndExactly65StaysKey() {
    assertEquals(Tier.KEY, tier("65.0", Tier.KEY));
  }

  @Test
  void keyAtMonthEndAnd64point9RevokesKey() {
    assertEquals(Tier.DEVELOPING, tier("64.9", Tier.KEY));
  }

  @Test
  void keyAtMonthEndAndAFallBelowFiftyIsStandard() {
    assertEquals(Tier.STANDARD, tier("49.9", Tier.KEY));
  }

  @Test
  void hysteresisNeedsKeyAtMonthEndNotJustDeveloping() {
    assertEquals(Tier.DEVELOPING, tier("66.0", Tier.DEVELOPING));
    assertEquals(Tier.DEVELOPING, tier("66.0", null));
  }

  @Test
  void noScoreIsStandardWhateverTheMonthEnd() {
    assertEquals(Tier.STANDARD, tier(null, Tier.KEY));
    assertEquals(Tier.STANDARD, tier(null, null));
  }

  @Test
  void customThresholdsApply() {
    Thresholds t = new Thresholds(dec("80"), dec("75"), dec("40"));
    assertEquals(Tier.DEVELOPING, TierRule.computedTier(dec("79.9"), t, null));
    assertEquals(Tier.KEY, TierRule.computedTier(dec("75.0"), t, Tier.KEY));
    assertEquals(Tier.DEVELOPING, TierRule.computedTier(dec("40.0"), t, null));
  }

  @Test
  void theCalculatorAppliesTheHysteresisToTheRoundedScore() {
    // only growth present: (0.262 + 0.2) / 0.7 = 0.66 -> score 66.0
    ScoringModelSpec model = ScoringModelSpec.defaultModel();
    ScoreInputs in = inputs().t12mGrowth("0.262").build();

    assertEquals(Tier.KEY, ScoreCalculator.compute(model, in, Tier.KEY).computedTier());
    assertEquals(Tier.DEVELOPING, ScoreCalculator.compute(model, in, null).computedTier());
  }

  @Test
  void theRoundedScoreDecidesAtTheThreshold() {
    // growth (0.28965 + 0.2) / 0.7 = 0.6995 -> 69.95 -> rounded 70.0 -> KEY
    ScoreInputs in = inputs().t12mGrowth("0.28965").build();
    ScoreResult r = ScoreCalculator.compute(ScoringModelSpec.defaultModel(), in, null);
    assertEquals(0, dec("70.0").compareTo(r.score()));
    assertEquals(Tier.KEY, r.computedTier());
  }
}
