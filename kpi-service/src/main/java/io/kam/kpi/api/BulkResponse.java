package io.kam.kpi.api;

import io.kam.kpi.domain.ingest.ItemResult;
import java.util.List;

/** {"results": [...]} in request order. */
public record BulkResponse(List<ItemResult> results) {}
