package io.kam.scoring.domain.calc;

import static io.kam.scoring.domain.calc.ScoreInputsBuilder.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefectionRiskRuleTest {

  private static List<RiskReason> reasons(ScoreInputsBuilder in) {
    return DefectionRiskRule.assess(in.build()).reasons();
  }

  @Test
  void twelveMonthDeclineOfExactlyTenPercentIsASignal() {
    assertEquals(List.of(RiskReason.REVENUE_DECLINE_12M), reasons(inputs().t12mGrowth("-0.10")));
    assertEquals(
        List.of(RiskReason.REVENUE_DECLINE_12M), reasons(inputs().t12mGrowth("-0.1000001")));
    assertEquals(List.of(), reasons(inputs().t12mGrowth("-0.0999999")));
  }

  @Test
  void threeMonthDropOfExactlyTwentyFivePercentIsASignal() {
    assertEquals(List.of(RiskReason.REVENUE_DROP_3M), reasons(inputs().last3mGrowth("-0.25")));
    assertEquals(List.of(RiskReason.REVENUE_DROP_3M), reasons(inputs().last3mGrowth("-0.2500001")));
    assertEquals(List.of(), reasons(inputs().last3mGrowth("-0.2499999")));
  }

  @Test
  void npsBelowZeroIsASignalButZeroIsNot() {
    assertEquals(List.of(RiskReason.NEGATIVE_NPS), reasons(inputs().npsT12m("-0.01")));
    assertEquals(List.of(), reasons(inputs().npsT12m("0")));
  }

  @Test
  void csatBelowSeventyIsASignalButSeventyIsNot() {
    assertEquals(List.of(RiskReason.LOW_CSAT), reasons(inputs().csatT12m("69.99")));
    assertEquals(List.of(), reasons(inputs().csatT12m("70")));
  }

  @Test
  void nullInputsRaiseNoSignal() {
    RiskAssessment r = DefectionRiskRule.assess(ScoreInputs.none());
    assertEquals(DefectionRisk.LOW, r.risk());
    assertEquals(List.of(), r.reasons());
  }

  @Test
  void oneSignalIsMediumRisk() {
    assertEquals(
        DefectionRisk.MEDIUM, DefectionRiskRule.assess(inputs().npsT12m("-5").build()).risk());
  }

  @Test
  void twoSignalsAreHighRisk() {
    RiskAssessment r = DefectionRiskRule.assess(inputs().csatT12m("60").t12mGrowth("-0.2").build());
    assertEquals(DefectionRisk.HIGH, r.risk());
    assertEquals(List.of(RiskReason.REVENUE_DECLINE_12M, RiskReason.LOW_CSAT), r.reasons());
  }

  @Test
  void reasonsComeInDomainOrder() {
    RiskAssessment r =
        DefectionRiskRule.assess(
            inputs().csatT12m("10").npsT12m("-40").last3mGrowth("-0.5").t12mGrowth("-0.3").build());
    assertEquals(DefectionRisk.HIGH, r.risk());
    assertEquals(
        List.of(
            RiskReason.REVENUE_DECLINE_12M,
            RiskReason.REVENUE_DROP_3M,
            RiskReason.NEGATIVE_NPS,
            RiskReason.LOW_CSAT),
        r.reasons());
  }

  @Test
  void riskIgnoresTheScoringModel() {
    // a model that reads none of the risk inputs still reports the signals
    ScoringModelSpec fitOnly =
        new ScoringModelSpec(
            5,
            List.of(
                new Criterion(
                    "fit",
                    ScoringInput.FIT,
                    Decimals.dec("1"),
                    Normalization.linear(Decimals.dec("1"), Decimals.dec("5")))),
            Thresholds.defaults());
    ScoreResult r =
        ScoreCalculator.compute(
            fitOnly, inputs().assessment(null, null, 5, null).last3mGrowth("-0.3").build(), null);

    assertEquals(DefectionRisk.MEDIUM, r.risk());
    assertEquals(List.of(RiskReason.REVENUE_DROP_3M), r.reasons());
  }
}
