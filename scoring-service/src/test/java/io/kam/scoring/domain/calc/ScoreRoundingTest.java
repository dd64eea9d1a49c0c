package io.kam.scoring.domain.calc;

import static io.kam.scoring.domain.calc.Decimals.assertDecimal;
import static io.kam.scoring.domain.calc.Decimals.dec;
import static io.kam.scoring.domain.calc.ScoreInputsBuilder.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class ScoreRoundingTest {

  private final ScoringModelSpec model = ScoringModelSpec.defaultModel();

  @Test
  void aTieAtTheSecondDecimalRoundsHalfUp() {
    assertDecimal("72.5", ScoreRounding.round(dec("72.45"))); // HALF_EVEN would give 72.4
    assertDecimal("72.4", ScoreRounding.round(dec("72.35")));
    assertDecimal("0.1", ScoreRounding.round(dec("0.05")));
  }

  @Test
  void justBelowOrAboveATieRoundsToTheNearest() {
    assertDecimal("72.4", ScoreRounding.round(dec("72.44")));
    assertDecimal("72.4", ScoreRounding.round(dec("72.4499999999"))); // 10 decimals: kept
    assertDecimal("72.5", ScoreRounding.round(dec("72.46")));
  }

  @Test
  void theTenDecimalStepTurnsRepresentationErrorBackIntoATie() {
    // 72.44999999999999 -> 72.4500000000 (HALF_EVEN at 10) -> 72.5; rounding half-up directly
    // to one decimal would have given 72.4
    assertDecimal("72.5", ScoreRounding.round(dec("72.44999999999999")));
    assertEquals(
        0, dec("72.4").compareTo(dec("72.44999999999999").setScale(1, RoundingMode.HALF_UP)));
    // 11th decimal 5 after an odd 9: HALF_EVEN rounds up to 72.4500000000 -> 72.5
    assertDecimal("72.5", ScoreRounding.round(dec("72.44999999995")));
    // 11th decimal 4: 72.4499999999 -> 72.4
    assertDecimal("72.4", ScoreRounding.round(dec("72.44999999994")));
  }

  @Test
  void scoresAlwaysCarryOneDecimal() {
    assertEquals("70.0", ScoreRounding.round(dec("70")).toPlainString());
    assertEquals("0.0", ScoreRounding.round(dec("0")).toPlainString());
    assertEquals("100.0", ScoreRounding.round(dec("100.000")).toPlainString());
  }

  @Test
  void inputsWhoseWeightedMeanIsExactly72point45ScoreTheTieUp() {
    // revenue missing; present weights 0.20 + 0.10 + 0.15 + 0.10 + 0.05 + 0.10 = 0.70
    // growth       0.20 x ((0.227525 + 0.2) / 0.7 = 0.61075) = 0.12215
    // headroom     0.10 x (1 - 0.25 = 0.75)                  = 0.075
    // strategic    0.15 x 1; influence 0.10 x 0.75; fit 0.05 x 0.5 = 0.15 + 0.075 + 0.025
    // satisfaction 0.10 x (120 / 200 = 0.6)                  = 0.06
    // sum 0.50715; 100 x 0.50715 / 0.70 = 72.45 exactly -> 72.5
    ScoreResult r =
        ScoreCalculator.compute(
            model,
            inputs()
                .t12mGrowth("0.227525")
                .shareOfWallet("0.25")
                .npsT12m("20")
                .assessment(5, 4, 3, null)
                .build(),
            null);

    assertDecimal("72.5", r.score());
    assertDecimal("0.7", r.coverage());
  }

  @Test
  void aRepeatingDecimalJustBelowTheTieScoresTheTieUp() {
    // only growth present: score = 100 x 0.20 x n / 0.20 = 100 n
    // n = (0.3071499999999999 + 0.2) / 0.7 = 0.5071499999999999 / 0.7
    //   = 0.72449999999999985714... -> 0.7244999999999999 (16 digits)
    // 100 n = 72.44999999999999 -> 72.4500000000 -> 72.5 (not 72.4)
    ScoreResult r =
        ScoreCalculator.compute(model, inputs().t12mGrowth("0.3071499999999999").build(), null);

    assertDecimal("0.7244999999999999", r.breakdown().get(1).normalized());
    assertDecimal("72.44999999999999", r.breakdown().get(1).contribution());
    assertDecimal("72.5", r.score());
    assertDecimal("0.2", r.coverage());
  }

  @Test
  void aScoreClearlyBelowTheTieRoundsDown() {
    // n = (0.30708 + 0.2) / 0.7 = 0.7244 -> 72.44 -> 72.4
    ScoreResult r = ScoreCalculator.compute(model, inputs().t12mGrowth("0.30708").build(), null);
    assertDecimal("72.4", r.score());
  }
}
