package io.kam.scoring.domain.calc;

import static io.kam.scoring.domain.calc.Decimals.assertDecimal;
import static io.kam.scoring.domain.calc.ScoreInputsBuilder.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoringInputTest {

  @Test
  void jsonNamesAreStableCamelCase() {
    assertEquals("t12mRevenue", ScoringInput.T12M_REVENUE.jsonName());
    assertEquals("t12mGrowth", ScoringInput.T12M_GROWTH.jsonName());
    assertEquals("last3mGrowth", ScoringInput.LAST3M_GROWTH.jsonName());
    assertEquals("walletHeadroom", ScoringInput.WALLET_HEADROOM.jsonName());
    assertEquals("shareOfWallet", ScoringInput.SHARE_OF_WALLET.jsonName());
    assertEquals("strategicAlignment", ScoringInput.STRATEGIC_ALIGNMENT.jsonName());
    assertEquals("marketInfluence", ScoringInput.MARKET_INFLUENCE.jsonName());
    assertEquals("fit", ScoringInput.FIT.jsonName());
    assertEquals("partnership", ScoringInput.PARTNERSHIP.jsonName());
    assertEquals("npsT12m", ScoringInput.NPS_T12M.jsonName());
    assertEquals("csatT12m", ScoringInput.CSAT_T12M.jsonName());
    assertEquals("crossSellCount", ScoringInput.CROSS_SELL_COUNT.jsonName());
  }

  @Test
  void everyInputIsFoundByItsJsonName() {
    Arrays.stream(ScoringInput.values())
        .forEach(i -> assertEquals(Optional.of(i), ScoringInput.fromJsonName(i.jsonName())));
  }

  @Test
  void unknownOrMisspelledNamesAreEmpty() {
    assertTrue(ScoringInput.fromJsonName("revenue").isEmpty());
    assertTrue(ScoringInput.fromJsonName("T12M_REVENUE").isEmpty());
    assertTrue(ScoringInput.fromJsonName("T12mRevenue").isEmpty());
    assertTrue(ScoringInput.fromJsonName(null).isEmpty());
  }

  @Test
  void walletHeadroomIsOneMinusShareOfWallet() {
    var in = inputs().shareOfWallet("0.0608").build();
    assertDecimal("0.9392", ScoringInput.WALLET_HEADROOM.read(in).orElseThrow());
    assertDecimal("0.0608", ScoringInput.SHARE_OF_WALLET.read(in).orElseThrow());
  }

  @Test
  void walletHeadroomIsMissingWhenTheWalletIsUnknown() {
    assertTrue(ScoringInput.WALLET_HEADROOM.read(inputs().build()).isEmpty());
  }

  @Test
  void walletHeadroomGoesNegativeWhenRevenueExceedsTheWallet() {
    // 1 - 1.25 = -0.25; the LINEAR(0, 1) normalization then clamps it to 0
    var in = inputs().shareOfWallet("1.25").build();
    assertDecimal("-0.25", ScoringInput.WALLET_HEADROOM.read(in).orElseThrow());
  }

  @Test
  void integerInputsReadAsDecimals() {
    var in = inputs().assessment(4, 5, 3, 2).crossSellCount(7).build();
    assertDecimal("4", ScoringInput.STRATEGIC_ALIGNMENT.read(in).orElseThrow());
    assertDecimal("5", ScoringInput.MARKET_INFLUENCE.read(in).orElseThrow());
    assertDecimal("3", ScoringInput.FIT.read(in).orElseThrow());
    assertDecimal("2", ScoringInput.PARTNERSHIP.read(in).orElseThrow());
    assertDecimal("7", ScoringInput.CROSS_SELL_COUNT.read(in).orElseThrow());
  }

  @Test
  void nothingIsReadFromAnEmptySnapshot() {
    Arrays.stream(ScoringInput.values())
        .forEach(i -> assertTrue(i.read(ScoreInputs.none()).isEmpty(), i::jsonName));
  }
}
