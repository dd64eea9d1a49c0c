package io.kam.kpi.api;

import io.kam.kpi.domain.ingest.SurveyResponseItem;
import java.util.List;

/** {"items": [...]} of PUT /api/v1/survey-responses. */
public record SurveyResponsesRequest(List<SurveyResponseItem> items) {}
