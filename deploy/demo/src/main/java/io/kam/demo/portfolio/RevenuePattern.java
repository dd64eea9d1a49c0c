package io.kam.demo.portfolio;

/** How an account's revenue behaves over the 36 months. */
public enum RevenuePattern {
  /** Buys every month, roughly flat. */
  STEADY,
  /** Buys every month, growing 1.5..3 % a month. */
  GROWING,
  /** Buys every month, shrinking 1.5..3 % a month. */
  DECLINING,
  /** Bought, then stopped (lifecycle FORMER_CUSTOMER). */
  CHURNED,
  /** Started buying in the second half of the window. */
  NEW,
  /** Never bought (lifecycle PROSPECT). */
  PROSPECT
}
