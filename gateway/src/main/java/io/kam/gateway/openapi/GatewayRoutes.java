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
    ObjectNode responses = overview.putObject("responses");
    responses.putObject("200").put("description", "The overview").putObject("content").putObject("application/json")
        .putObject("schema").put("$ref", "#/components/schemas/AccountOverview");
    responses.putObject("503").put("description", "account-service is unavailable (see Retry-After)");
    responses.putObject("504").put("description", "account-service did not answer in time");

    ObjectNode health = paths.putObject("/api/v1/system/health").putObject("get");
    health.put("summary", "Readiness, version and outbox backlog of every service").put("operationId", "getSystemHealth")
        .put("description", "For ops: each service's readiness check, its own build version and its outbox backlog.");
    health.putObject("responses").putObject("200").put("description", "Status per service")
        .putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/SystemHealth");

    ObjectNode schemas = JsonNodes.objectAt(JsonNodes.objectAt(doc, "components"), "schemas");
    ObjectNode ov = schemas.putObject("AccountOverview").put("type", "object");
    ov.putArray("required").add("account").add("warnings");
    ObjectNode props = ov.putObject("properties");
    props.putObject("account").put("type", "object").put("description", "as GET /api/v1/accounts/{id}");
    props.putObject("score").put("type", "object").put("nullable", true).put("description", "as GET /api/v1/accounts/{id}/score");
    props.putObject("kpis").put("type", "object").put("nullable", true).put("description", "KPIs of the last complete quarter");
    ObjectNode plan = props.putObject("plan").put("type", "object").put("nullable", true)
        .put("description", "live (else draft) plan: status, nextReviewAt, objectives' progress, overdue actions")
        .putObject("properties");
    plan.putObject("id").put("type", "string").put("format", "uuid");
    plan.putObject("title").put("type", "string");
    plan.putObject("status").put("type", "string");
    plan.putObject("nextReviewAt").put("type", "string").put("nullable", true);
    plan.putObject("objectives").put("type", "array").putObject("items").put("type", "object");
    plan.putObject("overdueActions").put("type", "array").putObject("items").put("type", "object");
    props.putObject("warnings").put("type", "array").putObject("items").put("$ref", "#/components/schemas/OverviewWarning");
    ObjectNode warning = schemas.putObject("OverviewWarning").put("type", "object");
    warning.putArray("required").add("part").add("service").add("detail");
    ObjectNode w = warning.putObject("properties");
    w.putObject("part").put("type", "string").putArray("enum").add("score").add("kpis").add("plan");
    w.putObject("service").put("type", "string");
    w.putObject("detail").put("type", "string");

    ObjectNode sh = schemas.putObject("SystemHealth").put("type", "object");
    sh.putArray("required").add("status").add("services");
    ObjectNode shp = sh.putObject("properties");
    shp.putObject("status").put("type", "string").putArray("enum").add("UP").add("DEGRADED");
    shp.putObject("services").put("type", "array").putObject("items").put("$ref", "#/components/schemas/ServiceHealth");
    ObjectNode svc = schemas.putObject("ServiceHealth").put("type", "object");
    svc.putArray("required").add("service").add("status");
    ObjectNode sp = svc.putObject("properties");
    sp.putObject("service").put("type", "string").put("example", "account");
    sp.putObject("status").put("type", "string").putArray("enum").add("UP").add("DOWN");
    sp.putObject("version").put("type", "string").put("nullable", true).put("description", "the service's own build version");
    sp.putObject("outboxBacklog").put("type", "integer").put("nullable", true);
    sp.putObject("outboxOldestAgeSeconds").put("type", "number").put("nullable", true);
    sp.putObject("kafka").put("type", "string").put("nullable", true);
    return doc;
  }
}
