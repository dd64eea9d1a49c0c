package io.kam.kpi.api;

import io.kam.kpi.domain.ingest.RevenueLineItem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {"items": [...]} of PUT /api/v1/revenue-lines. */
public record RevenueLinesRequest(
    @Schema(maxItems = BulkLimits.MAX_ITEMS) List<RevenueLineItem> items) {}
