package io.kam.scoring.domain.calc;

import static io.kam.scoring.domain.calc.Decimals.dec;
import static io.kam.scoring.domain.calc.ScoreInputsBuilder.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountTypeRuleTest {

  private static final String HALF = "0.5";
  private static final String JUST_BELOW = "0.4999999999999999";

  private static AccountType classify(String... keyValuePairs) {
    Map<String, BigDecimal> normalized = new HashMap<>();
    for (int i = 0; i < keyValuePairs.length; i += 2) {
      normalized.put(keyValuePairs[i], dec(keyValuePairs[i + 1]));
    }
    return AccountTypeRule.classify(normalized);
  }

  @Test
  void valueAndPotentialOfExactlyHalfIsStrategic() {
    assertEquals(
        AccountType.STRATEGIC,
        classify(
            "revenue", HALF, "growth", HALF, "walletHeadroom", HALF, "strategicAlignment", HALF));
  }

  @Test
  void valueOfExactlyHalfWithPotentialJustBelowIsStable() {
    assertEquals(AccountType.STABLE, classify("revenue", HALF, "growth", JUST_BELOW));
  }

  @Test
  void potentialOfExactlyHalfWithValueJustBelowIsHighGrowth() {
    assertEquals(AccountType.HIGH_GROWTH, classify("revenue", JUST_BELOW, "growth", HALF));
  }

  @Test
  void bothJustBelowHalfIsTactical() {
    assertEquals(AccountType.TACTICAL, classify("revenue", JUST_BELOW, "growth", JUST_BELOW));
  }

  @Test
  void potentialIsTheUnweightedMeanOfThePresentCriteria() {
    // (0.2 + 0.5 + 0.8) / 3 = 0.5
    assertEquals(
        AccountType.STRATEGIC,
        classify(
            "revenue", "1", "growth", "0.2", "walletHeadroom", "0.5", "strategicAlignment", "0.8"));
    // only growth present: mean 0.6, the missing ones do not count as 0
    assertEquals(AccountType.STRATEGIC, classify("revenue", "1", "growth", "0.6"));
  }

  @Test
  void potentialIsComparedUnrounded() {
    // (0.5 + 0.5 + 0.4999999999999999) / 3 = 0.49999999999999996667, which 16 digits would round
    // up to 0.5; the exact comparison keeps it below
    assertEquals(
        AccountType.STABLE,
        classify(
            "revenue",
            "1",
            "growth",
            HALF,
            "walletHeadroom",
            HALF,
            "strategicAlignment",
            JUST_BELOW));
  }

  @Test
  void otherCriteriaDoNotCountTowardsPotential() {
    assertEquals(AccountType.STABLE, classify("revenue", "1", "marketInfluence", "1", "fit", "1"));
  }

  @Test
  void missingValueCountsAsZero() {
    assertEquals(AccountType.HIGH_GROWTH, classify("growth", "1"));
    assertEquals(AccountType.TACTICAL, classify());
  }

  @Test
  void criteriaAreFoundByKeyInAnyModel() {
    // a model whose "revenue" is LINEAR: 100000 / 200000 = 0.5 exactly; growth 0.5 / 1 = 0.5
    ScoringModelSpec custom =
        new ScoringModelSpec(
            3,
            List.of(
                new Criterion(
                    "revenue",
                    ScoringInput.T12M_REVENUE,
                    dec("0.5"),
                    Normalization.linear(dec("0"), dec("200000"))),
                new Criterion(
                    "growth",
                    ScoringInput.T12M_GROWTH,
                    dec("0.5"),
                    Normalization.linear(dec("0"), dec("1")))),
            Thresholds.defaults());
    ScoreInputs in = inputs().t12mRevenue("100000").t12mGrowth("0.5").build();

    assertEquals(AccountType.STRATEGIC, ScoreCalculator.compute(custom, in, null).type());
  }

  @Test
  void aModelWithoutARevenueCriterionHasNoValue() {
    ScoringModelSpec noRevenue =
        new ScoringModelSpec(
            4,
            List.of(
                new Criterion(
                    "income",
                    ScoringInput.T12M_REVENUE,
                    dec("1"),
                    Normalization.linear(dec("0"), dec("1")))),
            Thresholds.defaults());
    ScoreInputs in = inputs().t12mRevenue("5").build();

    assertEquals(AccountType.TACTICAL, ScoreCalculator.compute(noRevenue, in, null).type());
  }
}
