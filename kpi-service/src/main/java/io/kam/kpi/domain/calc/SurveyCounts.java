package io.kam.kpi.domain.calc;

import java.math.BigDecimal;

/**
 * Survey response counts of some scope (a month, a window, a portfolio segment). Counts are all
 * csat/nps need, and they pool by plain addition, so callers can aggregate them in SQL.
 *
 * @param csatTotal CSAT responses
 * @param csatGood CSAT responses with score >= 4
 * @param npsTotal NPS responses
 * @param npsPromoters NPS responses with score 9 or 10
 * @param npsDetractors NPS responses with score 0..6
 */
public record SurveyCounts(
    long csatTotal, long csatGood, long npsTotal, long npsPromoters, long npsDetractors) {

  public static final SurveyCounts EMPTY = new SurveyCounts(0, 0, 0, 0, 0);

  public SurveyCounts {
    if (csatTotal < 0
        || csatGood < 0
        || npsTotal < 0
        || npsPromoters < 0
        || npsDetractors < 0
        || csatGood > csatTotal
        || npsPromoters + npsDetractors > npsTotal) {
      throw new IllegalArgumentException(
          "inconsistent survey counts: csat "
              + csatGood
              + "/"
              + csatTotal
              + ", nps +"
              + npsPromoters
              + " -"
              + npsDetractors
              + " /"
              + npsTotal);
    }
  }

  public static SurveyCounts ofCsatScore(int score) {
    if (score < 1 || score > 5) {
      throw new IllegalArgumentException("CSAT score must be 1..5: " + score);
    }
    return new SurveyCounts(1, score >= 4 ? 1 : 0, 0, 0, 0);
  }

  public static SurveyCounts ofNpsScore(int score) {
    if (score < 0 || score > 10) {
      throw new IllegalArgumentException("NPS score must be 0..10: " + score);
    }
    return new SurveyCounts(0, 0, 1, score >= 9 ? 1 : 0, score <= 6 ? 1 : 0);
  }

  public SurveyCounts plus(SurveyCounts other) {
    return new SurveyCounts(
        csatTotal + other.csatTotal,
        csatGood + other.csatGood,
        npsTotal + other.npsTotal,
        npsPromoters + other.npsPromoters,
        npsDetractors + other.npsDetractors);
  }

  /** 100 x good / total on 0..100; null without CSAT responses. */
  public BigDecimal csat() {
    return KpiMath.percent(csatGood, csatTotal);
  }

  /** 100 x (promoters - detractors) / total on -100..100; null without NPS responses. */
  public BigDecimal nps() {
    return KpiMath.percent(npsPromoters - npsDetractors, npsTotal);
  }
}
