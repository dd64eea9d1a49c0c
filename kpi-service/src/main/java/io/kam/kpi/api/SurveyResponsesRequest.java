package io.kam.kpi.api;

import io.kam.kpi.domain.ingest.SurveyResponseItem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {"items": [...]} of PUT /api/v1/survey-responses. */
public record SurveyResponsesRequest(
    @Schema(maxItems = BulkLimits.MAX_ITEMS) List<SurveyResponseItem> items) {}
