package io.kam.planning.api;

import java.util.List;

/**
 * The concrete shapes of the generic {@code Page<T>} answers, for the OpenAPI document only: an
 * operation that documents its errors must name its success schema itself, and a generic record
 * cannot be named in an annotation.
 */
final class PageSchemas {

  private PageSchemas() {}

  record ActionPage(List<PlanViews.ActionView> items, String nextCursor) {}

  record PlanHistoryPage(List<PlanViews.PlanHistoryEntry> items, String nextCursor) {}
}
