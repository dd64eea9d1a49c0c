package io.kam.planning.domain;

/** What an objective can be bound to, and which value of the KPI snapshot or score it reads. */
public enum Metric {
  REVENUE,
  REVENUE_GROWTH,
  NPS,
  CSAT,
  CROSS_SELL_COUNT,
  SHARE_OF_WALLET,
  SCORE;

  public java.math.BigDecimal valueIn(AccountMetrics m) {
    if (m == null) {
      return null;
    }
    return switch (this) {
      case REVENUE -> m.t12mRevenue;
      case REVENUE_GROWTH -> m.t12mGrowth;
      case NPS -> m.npsT12m;
      case CSAT -> m.csatT12m;
      case CROSS_SELL_COUNT ->
          m.crossSellCount == null ? null : java.math.BigDecimal.valueOf(m.crossSellCount);
      case SHARE_OF_WALLET -> m.shareOfWallet;
      case SCORE -> m.score;
    };
  }
}
