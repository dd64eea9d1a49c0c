package io.kam.kpi.api;

import io.kam.kpi.domain.ingest.RevenueLineItem;
import java.util.List;

/** {"items": [...]} of PUT /api/v1/revenue-lines. */
public record RevenueLinesRequest(List<RevenueLineItem> items) {}
