package io.kam.scoring.domain.calc;

import static io.kam.scoring.domain.calc.Decimals.assertDecimal;
import static io.kam.scoring.domain.calc.Decimals.dec;
import static io.kam.scoring.domain.calc.ScoreInputsBuilder.acmeGroup;
import static io.kam.scoring.domain.calc.ScoreInputsBuilder.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreDiffTest {

  private final ScoringModelSpec model = ScoringModelSpec.defaultModel();

  private ScoreResult score(ScoreInputs in) {
    return ScoreCalculator.compute(model, in, null);
  }

  private static CriterionChange change(ScoreDiff diff, String key) {
    return diff.criteria().stream()
        .filter(c -> c.criterion().equals(key))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aGrowthJumpShowsItsInputsAndPoints() {
    // growth 0.21 -> 0.5: normalized 0.5857142857142857 -> 1, weights unchanged (all present)
    // contribution 11.71428571428571 -> 20; points 8.28571428571429
    // score 63.341... -> 63.341... + 100 x 0.2 x 0.4142857142857143 = 71.627... -> 71.6
    ScoreDiff diff =
        ScoreDiff.between(score(acmeGroup().build()), score(acmeGroup().t12mGrowth("0.5").build()));

    assertDecimal("63.3", diff.scoreBefore());
    assertDecimal("71.6", diff.scoreAfter());
    assertDecimal("8.3", diff.scoreDelta());
    CriterionChange growth = change(diff, "growth");
    assertDecimal("0.21", growth.inputBefore());
    assertDecimal("0.5", growth.inputAfter());
    assertTrue(growth.inputChanged());
    assertDecimal("8.28571428571429", growth.points());

    CriterionChange revenue = change(diff, "revenue");
    assertFalse(revenue.inputChanged());
    assertDecimal("0", revenue.points());
  }

  @Test
  void aNewlyKnownInputMovesEveryoneElsesShare() {
    // before: only strategic 5 present: contribution 100
    // after: strategic 5 (0.15 x 1) and nps -100 (0.10 x 0): 15 / 0.25 = 60 for strategic, 0 nps
    ScoreDiff diff =
        ScoreDiff.between(
            score(inputs().assessment(5, null, null, null).build()),
            score(inputs().assessment(5, null, null, null).npsT12m("-100").build()));

    CriterionChange strategic = change(diff, "strategicAlignment");
    assertFalse(strategic.inputChanged());
    assertDecimal("-40", strategic.points());
    CriterionChange satisfaction = change(diff, "satisfaction");
    assertNull(satisfaction.inputBefore());
    assertDecimal("-100", satisfaction.inputAfter());
    assertTrue(satisfaction.inputChanged());
    assertNull(satisfaction.contributionBefore());
    assertDecimal("0", satisfaction.points()); // 0 - (null as 0)
    assertDecimal("-40", diff.scoreDelta()); // 100.0 -> 60.0
  }

  @Test
  void aVanishedInputLosesAllItsPoints() {
    ScoreDiff diff =
        ScoreDiff.between(
            score(inputs().assessment(5, null, 3, null).build()),
            score(inputs().assessment(5, null, null, null).build()));
    // before: (0.15 x 1 + 0.05 x 0.5) / 0.20: fit 2.5 / 0.20 = 12.5; after: fit missing
    CriterionChange fit = change(diff, "fit");
    assertDecimal("3", fit.inputBefore());
    assertNull(fit.inputAfter());
    assertDecimal("-12.5", fit.points());
  }

  @Test
  void noScoreOnEitherSideHasNoDelta() {
    ScoreDiff diff =
        ScoreDiff.between(
            score(ScoreInputs.none()), score(inputs().assessment(3, 3, 3, 3).build()));
    assertNull(diff.scoreBefore());
    assertNull(diff.scoreDelta());
    assertDecimal("50.0", diff.scoreAfter());
  }

  @Test
  void equalValuesAtDifferentScalesAreNotAMove() {
    BreakdownItem before =
        new BreakdownItem("revenue", dec("152000"), dec("0.39"), dec("0.3"), dec("11.7"));
    BreakdownItem after =
        new BreakdownItem("revenue", dec("152000.00"), dec("0.39"), dec("0.3"), dec("11.7"));
    ScoreDiff diff = ScoreDiff.between(dec("11.7"), List.of(before), dec("11.7"), List.of(after));
    assertFalse(diff.criteria().get(0).inputChanged());
    assertDecimal("0", diff.scoreDelta());
  }

  @Test
  void criteriaOfAnotherModelVersionAppearAfterTheOlderOnes() {
    BreakdownItem old = new BreakdownItem("revenue", dec("1"), dec("1"), dec("1"), dec("100"));
    BreakdownItem added = new BreakdownItem("csat", dec("80"), dec("0.8"), dec("1"), dec("40"));
    BreakdownItem kept = new BreakdownItem("revenue", dec("1"), dec("1"), dec("1"), dec("50"));
    ScoreDiff diff =
        ScoreDiff.between(dec("100.0"), List.of(old), dec("90.0"), List.of(added, kept));

    assertEquals(
        List.of("revenue", "csat"),
        diff.criteria().stream().map(CriterionChange::criterion).toList());
    assertDecimal("-50", diff.criteria().get(0).points());
    assertDecimal("40", diff.criteria().get(1).points());
    assertDecimal("-10.0", diff.scoreDelta());
  }
}
