package io.kam.scoring.domain;

/** What moved since the previous month end (portfolio summary). */
public enum Movement {
  /** Effective tier KEY now, not KEY at the previous month end (or not scored then). */
  ENTERED_KEY("tier = 'KEY' and prev_tier is distinct from 'KEY'"),
  /** Effective tier KEY at the previous month end, not KEY now. */
  LEFT_KEY("prev_tier = 'KEY' and tier <> 'KEY'"),
  /** Risk level higher now than at the previous month end (not scored then: than LOW). */
  RISK_RAISED(
      PortfolioSummaryQuery.riskRank("risk")
          + " > "
          + PortfolioSummaryQuery.riskRank("coalesce(prev_risk, 'LOW')"));

  final String condition;

  Movement(String condition) {
    this.condition = condition;
  }
}
