package io.kam.scoring.api;

import java.util.List;

/**
 * The concrete shapes of the generic {@code Page<T>} answers, for the OpenAPI document only: an
 * operation that documents its errors must name its success schema itself, and a generic record
 * cannot be named in an annotation.
 */
final class PageSchemas {

  private PageSchemas() {}

  record PortfolioItemPage(List<PortfolioItemView> items, String nextCursor) {}

  record StaleInputsPage(List<StaleInputsView> items, String nextCursor) {}

  record MovedAccountPage(List<PortfolioSummaryView.MovedAccountView> items, String nextCursor) {}

  record ScoreHistoryPage(List<HistoryItemView> items, String nextCursor) {}
}
