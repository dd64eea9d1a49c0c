package io.kam.scoring.domain.calc;

import java.math.BigDecimal;

/** Test data: {@code inputs().t12mRevenue("152000").strategicAlignment(4).build()}. */
final class ScoreInputsBuilder {

  private BigDecimal t12mRevenue;
  private BigDecimal t12mGrowth;
  private BigDecimal last3mGrowth;
  private BigDecimal shareOfWallet;
  private BigDecimal npsT12m;
  private BigDecimal csatT12m;
  private Integer crossSellCount;
  private Integer strategicAlignment;
  private Integer marketInfluence;
  private Integer fit;
  private Integer partnership;

  private ScoreInputsBuilder() {}

  /** Nothing known. */
  static ScoreInputsBuilder inputs() {
    return new ScoreInputsBuilder();
  }

  /**
   * The account of the API contract's score example: every default-model input present, no risk
   * signal.
   */
  static ScoreInputsBuilder acmeGroup() {
    return inputs()
        .t12mRevenue("152000.00")
        .t12mGrowth("0.21")
        .last3mGrowth("0.0853")
        .shareOfWallet("0.0608")
        .npsT12m("33.33333333")
        .csatT12m("80.0")
        .crossSellCount(1)
        .assessment(4, 5, 3, 3);
  }

  ScoreInputsBuilder t12mRevenue(String v) {
    t12mRevenue = dec(v);
    return this;
  }

  ScoreInputsBuilder t12mGrowth(String v) {
    t12mGrowth = dec(v);
    return this;
  }

  ScoreInputsBuilder last3mGrowth(String v) {
    last3mGrowth = dec(v);
    return this;
  }

  ScoreInputsBuilder shareOfWallet(String v) {
    shareOfWallet = dec(v);
    return this;
  }

  ScoreInputsBuilder npsT12m(String v) {
    npsT12m = dec(v);
    return this;
  }

  ScoreInputsBuilder csatT12m(String v) {
    csatT12m = dec(v);
    return this;
  }

  ScoreInputsBuilder crossSellCount(Integer v) {
    crossSellCount = v;
    return this;
  }

  ScoreInputsBuilder assessment(
      Integer strategicAlignment, Integer marketInfluence, Integer fit, Integer partnership) {
    this.strategicAlignment = strategicAlignment;
    this.marketInfluence = marketInfluence;
    this.fit = fit;
    this.partnership = partnership;
    return this;
  }

  ScoreInputs build() {
    return new ScoreInputs(
        t12mRevenue,
        t12mGrowth,
        last3mGrowth,
        shareOfWallet,
        npsT12m,
        csatT12m,
        crossSellCount,
        strategicAlignment,
        marketInfluence,
        fit,
        partnership);
  }

  private static BigDecimal dec(String v) {
    return v == null ? null : new BigDecimal(v);
  }
}
