package io.kam.scoring.domain.calc;

import static io.kam.scoring.domain.calc.Decimals.assertDecimal;
import static io.kam.scoring.domain.calc.Decimals.dec;
import static io.kam.scoring.domain.calc.ScoreInputsBuilder.acmeGroup;
import static io.kam.scoring.domain.calc.ScoreInputsBuilder.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreCalculatorTest {

  private final ScoringModelSpec model = ScoringModelSpec.defaultModel();

  private ScoreResult score(ScoreInputs in) {
    return ScoreCalculator.compute(model, in, null);
  }

  @Test
  void apiExampleAccountIsScoredAsComputedByHand() {
    // weights sum to 1.00, every input present:
    // revenue      0.30 x 0.3939478626482577 (log, see NormalizationTest) = 0.11818435879447731
    // growth       0.20 x (0.41 / 0.7 = 0.5857142857142857)               = 0.11714285714285714
    // headroom     0.10 x (1 - 0.0608 = 0.9392)                           = 0.09392
    // strategic    0.15 x ((4 - 1) / 4 = 0.75)                            = 0.1125
    // influence    0.10 x ((5 - 1) / 4 = 1)                               = 0.10
    // fit          0.05 x ((3 - 1) / 4 = 0.5)                             = 0.025
    // satisfaction 0.10 x (133.33333333 / 200 = 0.66666666665)            = 0.066666666665
    // sum 0.63341388260233445; x 100 / 1.00 = 63.34138826023344 (16 digits) -> 63.3
    ScoreResult r = score(acmeGroup().build());

    assertDecimal("63.3", r.score());
    assertEquals(1, r.score().scale());
    assertDecimal("1", r.coverage());
    assertEquals(Tier.DEVELOPING, r.computedTier());
    // value 0.394 < 0.5; potential (0.5857 + 0.9392 + 0.75) / 3 = 0.758 >= 0.5
    assertEquals(AccountType.HIGH_GROWTH, r.type());
    assertEquals(DefectionRisk.LOW, r.risk());
    assertEquals(List.of(), r.reasons());

    BreakdownItem revenue = r.breakdown().get(0);
    assertEquals("revenue", revenue.criterion());
    assertDecimal("152000.00", revenue.input());
    assertDecimal(
        "0.3939478626482577", revenue.normalized()); // the contract's example: 0.3939478626...
    assertDecimal("0.30", revenue.weight());
    // 100 x 0.30 x 0.3939478626482577 / 1.00 = 11.818435879447731 -> 11.81843587944773
    assertDecimal(
        "11.81843587944773", revenue.contribution()); // the contract's example: 11.818435879...

    assertContribution(r, "growth", "0.5857142857142857", "11.71428571428571");
    assertContribution(r, "walletHeadroom", "0.9392", "9.392");
    assertContribution(r, "strategicAlignment", "0.75", "11.25");
    assertContribution(r, "marketInfluence", "1", "10");
    assertContribution(r, "fit", "0.5", "2.5");
    assertContribution(r, "satisfaction", "0.66666666665", "6.6666666665");
  }

  @Test
  void highValueHighPotentialAccountIsKeyAndStrategic() {
    // revenue      0.30 x ((6 - 4) / 3 = 0.6666666666666667) = 0.20000000000000001
    // growth       0.20 x 1 (0.5 is the max)                  = 0.20
    // headroom     0.10 x (1 - 0.4 = 0.6)                     = 0.06
    // strategic    0.15 x 1; influence 0.10 x 0.75; fit 0.05 x 0.75 = 0.15 + 0.075 + 0.0375
    // satisfaction 0.10 x (150 / 200 = 0.75)                  = 0.075
    // sum 0.79750000000000001 -> 79.75000000000000 -> half-up 79.8
    ScoreResult r =
        score(
            inputs()
                .t12mRevenue("1000000")
                .t12mGrowth("0.5")
                .shareOfWallet("0.4")
                .npsT12m("50")
                .assessment(5, 4, 4, null)
                .build());

    assertDecimal("79.8", r.score());
    assertEquals(Tier.KEY, r.computedTier());
    // value 0.667; potential (1 + 0.6 + 1) / 3 = 0.867
    assertEquals(AccountType.STRATEGIC, r.type());
  }

  @Test
  void missingInputsAreLeftOutAndCoverageIsTheirShareOfWeight() {
    // present: revenue 0 (0.30, n 0), strategic 0.15 x 0.75, influence 0.10 x 1, fit 0.05 x 0.5
    // missing: growth, walletHeadroom, satisfaction (0.40 of the 1.00)
    // score 100 x (0 + 0.1125 + 0.10 + 0.025) / 0.60 = 23.75 / 0.60 = 39.58333... -> 39.6
    ScoreResult r = score(inputs().t12mRevenue("0").assessment(4, 5, 3, null).build());

    assertDecimal("39.6", r.score());
    assertDecimal("0.6", r.coverage()); // 0.60 / 1.00
    assertEquals(Tier.STANDARD, r.computedTier());
    assertContribution(r, "revenue", "0", "0");
    assertContribution(r, "strategicAlignment", "0.75", "18.75"); // 11.25 / 0.60
    assertContribution(r, "marketInfluence", "1", "16.66666666666667"); // 10 / 0.60
    assertContribution(r, "fit", "0.5", "4.166666666666667"); // 2.5 / 0.60

    BreakdownItem growth = item(r, "growth");
    assertNull(growth.input());
    assertNull(growth.normalized());
    assertNull(growth.contribution());
    assertDecimal("0.20", growth.weight());
    assertNull(item(r, "walletHeadroom").input());
    assertNull(item(r, "satisfaction").contribution());
  }

  @Test
  void walletHeadroomIsLeftOutWhenTheWalletIsUnknown() {
    // growth 0.15 -> 0.5 and strategic 3 -> 0.5: 100 x (0.10 + 0.075) / 0.35 = 50.0
    ScoreResult r = score(inputs().t12mGrowth("0.15").assessment(3, null, null, null).build());

    assertDecimal("50.0", r.score());
    assertDecimal("0.35", r.coverage());
    assertNull(item(r, "walletHeadroom").normalized());
    assertEquals(Tier.DEVELOPING, r.computedTier());
  }

  @Test
  void aSingleCriterionScoresItsOwnNormalizedValue() {
    // 100 x 0.15 x 1 / 0.15 = 100
    ScoreResult r = score(inputs().assessment(5, null, null, null).build());

    assertDecimal("100.0", r.score());
    assertDecimal("0.15", r.coverage());
    assertContribution(r, "strategicAlignment", "1", "100");
  }

  @Test
  void noCriterionPresentGivesNoScoreAndStandardEvenAfterAKeyMonthEnd() {
    // csat is no criterion of the default model, but still a risk signal
    ScoreInputs in = inputs().csatT12m("50").crossSellCount(2).build();
    ScoreResult r = ScoreCalculator.compute(model, in, Tier.KEY);

    assertNull(r.score());
    assertEquals(Tier.STANDARD, r.computedTier());
    assertDecimal("0", r.coverage());
    assertEquals(AccountType.TACTICAL, r.type());
    assertEquals(DefectionRisk.MEDIUM, r.risk());
    assertEquals(List.of(RiskReason.LOW_CSAT), r.reasons());
    assertEquals(7, r.breakdown().size());
    r.breakdown().forEach(i -> assertNull(i.contribution()));
  }

  @Test
  void presentContributionsAddUpToTheUnroundedScore() {
    ScoreResult r = score(acmeGroup().build());
    BigDecimal sum =
        r.breakdown().stream()
            .map(BreakdownItem::contribution)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    // 63.34138826023344 up to the last digit of each 16-digit contribution
    assertDecimal("63.3", ScoreRounding.round(sum));
    assertEquals(-1, sum.subtract(dec("63.34138826023344")).abs().compareTo(dec("1e-13")));
  }

  @Test
  void breakdownFollowsTheModelsOrder() {
    List<String> keys =
        score(acmeGroup().build()).breakdown().stream().map(BreakdownItem::criterion).toList();
    assertEquals(
        List.of(
            "revenue",
            "growth",
            "walletHeadroom",
            "strategicAlignment",
            "marketInfluence",
            "fit",
            "satisfaction"),
        keys);
  }

  @Test
  void customModelReadsInputsOutsideTheDefaultModel() {
    ScoringModelSpec custom =
        new ScoringModelSpec(
            2,
            List.of(
                new Criterion(
                    "partnership",
                    ScoringInput.PARTNERSHIP,
                    dec("1"),
                    Normalization.linear(dec("1"), dec("5"))),
                new Criterion(
                    "crossSell",
                    ScoringInput.CROSS_SELL_COUNT,
                    dec("1"),
                    Normalization.linear(dec("0"), dec("4"))),
                new Criterion(
                    "csat",
                    ScoringInput.CSAT_T12M,
                    dec("2"),
                    Normalization.linear(dec("50"), dec("100")))),
            Thresholds.defaults());
    // partnership 3 -> 0.5; crossSell 1 -> 0.25; csat 90 -> 0.8
    // 100 x (0.5 + 0.25 + 1.6) / 4 = 58.75 -> 58.8 (half-up)
    ScoreResult r =
        ScoreCalculator.compute(
            custom,
            inputs().assessment(null, null, null, 3).crossSellCount(1).csatT12m("90").build(),
            null);

    assertDecimal("58.8", r.score());
    assertEquals(Tier.DEVELOPING, r.computedTier());
    // no revenue / growth / walletHeadroom / strategicAlignment criterion: value 0, potential 0
    assertEquals(AccountType.TACTICAL, r.type());
  }

  private static BreakdownItem item(ScoreResult r, String key) {
    return r.breakdown().stream().filter(i -> i.criterion().equals(key)).findFirst().orElseThrow();
  }

  private static void assertContribution(
      ScoreResult r, String key, String normalized, String contribution) {
    BreakdownItem i = item(r, key);
    assertDecimal(normalized, i.normalized());
    assertDecimal(contribution, i.contribution());
  }
}
