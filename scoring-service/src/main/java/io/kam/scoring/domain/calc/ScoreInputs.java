package io.kam.scoring.domain.calc;

import java.math.BigDecimal;

/**
 * Everything a score may be computed from: the account's KPI snapshot (as of the last complete
 * month) and its assessment. Every value is nullable; null means "unknown", which leaves the
 * criteria that read it out of the score instead of counting them as zero.
 *
 * @param t12mRevenue net revenue of the trailing 12 months, money
 * @param t12mGrowth growth of the trailing 12 months against the 12 before, a fraction
 * @param last3mGrowth growth of the last 3 months against the same months a year earlier
 * @param shareOfWallet t12mRevenue / potential annual spend; null when the wallet is unknown or 0
 * @param npsT12m NPS of the trailing 12 months, -100..100
 * @param csatT12m CSAT of the trailing 12 months, 0..100
 * @param crossSellCount product lines new to the account in the trailing 12 months
 * @param strategicAlignment assessment, 1..5
 * @param marketInfluence assessment, 1..5
 * @param fit assessment, 1..5
 * @param partnership assessment, 1..5
 */
public record ScoreInputs(
    BigDecimal t12mRevenue,
    BigDecimal t12mGrowth,
    BigDecimal last3mGrowth,
    BigDecimal shareOfWallet,
    BigDecimal npsT12m,
    BigDecimal csatT12m,
    Integer crossSellCount,
    Integer strategicAlignment,
    Integer marketInfluence,
    Integer fit,
    Integer partnership) {

  /** No snapshot and no assessment yet: every criterion is missing. */
  public static ScoreInputs none() {
    return new ScoreInputs(null, null, null, null, null, null, null, null, null, null, null);
  }
}
