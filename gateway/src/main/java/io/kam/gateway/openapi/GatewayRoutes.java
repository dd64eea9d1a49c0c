package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gateway's own Vert.x routes (no JAX-RS resource describes them), added to its document so
 * the merged one lists them too.
 */
final class GatewayRoutes {

  private GatewayRoutes() {}

  static JsonNode addTo(JsonNode gatewayDoc) {
    ObjectNode doc = gatewayDoc.deepCopy();
    ObjectNode paths = JsonNodes.objectAt(doc, "paths");
    ObjectNode overview = paths.putObject("/api/v1/accounts/{id}/overview").putObject("get");
    overview.put("summary", "An account with its score, current KPIs and plan summary in one call")
        .put("description", "Fetched in parallel; a part whose service fails or is too slow is null with a"
            + " `warnings` entry, the call itself succeeds. The account's own status decides the response (404 stays 404).")
        .put("operationId", "getAccountOverview");
    ObjectNode param = overview.putArray("parameters").addObject();
    param.put("name", "id").put("in", "path").put("required", true).putObject("schema").put("type", "string").put("format", "uuid");
    ObjectNode ok = overview.putObject("responses").putObject("200").put("description", "The overview");
    ObjectNode props = ok.putObject("content").putObject("application/json").putObject("schema").put("type", "object")
        .putObject("properties");
    props.putObject("account").put("type", "object").put("description", "as GET /api/v1/accounts/{id}");
    props.putObject("score").put("type", "object").put("nullable", true).put("description", "as GET /api/v1/accounts/{id}/score");
    props.putObject("kpis").put("type", "object").put("nullable", true).put("description", "KPIs of the last complete quarter");
    props.putObject("plan").put("type", "object").put("nullable", true)
        .put("description", "live (else draft) plan: status, nextReviewAt, objectives' progress, overdue actions");
    ObjectNode warning = props.putObject("warnings").put("type", "array").putObject("items").put("type", "object").putObject("properties");
    warning.putObject("part").put("type", "string");
    warning.putObject("service").put("type", "string");
    warning.putObject("detail").put("type", "string");

    ObjectNode health = paths.putObject("/api/v1/system/health").putObject("get");
    health.put("summary", "Readiness, version and outbox backlog of every service").put("operationId", "getSystemHealth")
        .put("description", "For ops: each service's readiness check, its version and its outbox backlog.");
    health.putObject("responses").putObject("200").put("description", "Status per service")
        .putObject("content").putObject("application/json").putObject("schema").put("type", "object");
    return doc;
  }
}
