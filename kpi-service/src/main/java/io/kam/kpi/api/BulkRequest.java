package io.kam.kpi.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A bulk request as read from the wire: {"items": [...]} with each item still a JSON tree, so one
 * malformed item (a date that is not a date) is that item's REJECTED result instead of failing the
 * batch. The OpenAPI document describes the typed shape ({@link RevenueLinesRequest}, {@link
 * SurveyResponsesRequest}); an unknown top-level field or items that are not an array is a 400.
 */
public record BulkRequest(List<JsonNode> items) {}
