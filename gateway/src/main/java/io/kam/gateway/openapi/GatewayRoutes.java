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
    health.put("description", "For ops: each service's readiness check, its version and its outbox backlog; under"
        + " `events`: per consumer group the lag per topic, parked events and the oldest's age (seconds), dead"
        + " letters not replayed, outbox backlog and the oldest unsent row's age.");

    ObjectNode consistency = paths.putObject("/api/v1/consistency").putObject("get");
    consistency.put("summary", "Read-your-writes: have all consumers applied a write?").put("operationId", "getConsistency")
        .put("description", "Every successful write that published events answers a `KAM-Consistency-Token` header"
            + " (the producer, its topic and, per account, the last event sequence of the write; writes of more than"
            + " 200 accounts carry none). This asks every service whether it has applied those events (from its inbox"
            + " positions) and answers `consistent: true` once every consumer has. With `wait` (up to 30s) the gateway"
            + " keeps asking until then and answers what holds at the end; `consistent: false` is an answer, not an"
            + " error. Events a write causes later (coalesced KPI snapshots, rescoring) are not covered.");
    ObjectNode token = consistency.putArray("parameters").addObject();
    token.put("name", "write").put("in", "query").put("required", true).put("description", "a KAM-Consistency-Token")
        .putObject("schema").put("type", "string");
    ObjectNode wait = ((com.fasterxml.jackson.databind.node.ArrayNode) consistency.get("parameters")).addObject();
    wait.put("name", "wait").put("in", "query").put("required", false)
        .put("description", "how long to wait for consistency: 5s, 500ms, PT5S or whole seconds, at most 30s (default 0)")
        .putObject("schema").put("type", "string");
    ObjectNode answer = consistency.putObject("responses").putObject("200").put("description", "Whether every consumer has applied the write")
        .putObject("content").putObject("application/json").putObject("schema").put("type", "object").putObject("properties");
    answer.putObject("consistent").put("type", "boolean");
    ObjectNode svc = answer.putObject("services").put("type", "array").putObject("items").put("type", "object")
        .putObject("properties");
    svc.putObject("service").put("type", "string");
    svc.putObject("consumes").put("type", "boolean").put("description", "whether the service consumes the token's topic");
    svc.putObject("applied").put("type", "boolean");
    svc.putObject("behind").put("type", "array").put("description", "up to 20 accounts not applied yet")
        .putObject("items").put("type", "string");
    return doc;
  }
}
