package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gateway's own Vert.x routes (no JAX-RS resource describes them), added to its document so the
 * merged one lists them too.
 */
final class GatewayRoutes {

  private GatewayRoutes() {}

  static JsonNode addTo(JsonNode gatewayDoc) {
    ObjectNode doc = gatewayDoc.deepCopy();
    ObjectNode paths = JsonNodes.objectAt(doc, "paths");
    ObjectNode overview = paths.putObject("/api/v1/accounts/{id}/overview").putObject("get");
    overview
        .put("summary", "An account with its score, current KPIs and plan summary in one call")
        .put(
            "description",
            "Fetched in parallel; a part whose service fails or is too slow is null with a"
                + " `warnings` entry, the call itself succeeds. The account's own status decides the response (404 stays 404).")
        .put("operationId", "getAccountOverview");
    ObjectNode param = overview.putArray("parameters").addObject();
    param
        .put("name", "id")
        .put("in", "path")
        .put("required", true)
        .putObject("schema")
        .put("type", "string")
        .put("format", "uuid");
    ObjectNode responses = overview.putObject("responses");
    responses
        .putObject("200")
        .put("description", "The overview")
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/AccountOverview");
    responses
        .putObject("503")
        .put("description", "account-service is unavailable (see Retry-After)");
    responses.putObject("504").put("description", "account-service did not answer in time");

    ObjectNode health = paths.putObject("/api/v1/system/health").putObject("get");
    health
        .put("summary", "Readiness, version and outbox backlog of every service")
        .put("operationId", "getSystemHealth")
        .put(
            "description",
            "For ops: each service's readiness check, its own build version and its outbox backlog.");
    health
        .putObject("responses")
        .putObject("200")
        .put("description", "Status per service")
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/SystemHealth");

    ObjectNode schemas = JsonNodes.objectAt(JsonNodes.objectAt(doc, "components"), "schemas");
    ObjectNode ov = schemas.putObject("AccountOverview").put("type", "object");
    ov.putArray("required").add("account").add("warnings");
    ObjectNode props = ov.putObject("properties");
    props
        .putObject("account")
        .put("type", "object")
        .put("description", "as GET /api/v1/accounts/{id}");
    props
        .putObject("score")
        .put("type", "object")
        .put("nullable", true)
        .put("description", "as GET /api/v1/accounts/{id}/score");
    props
        .putObject("kpis")
        .put("type", "object")
        .put("nullable", true)
        .put("description", "KPIs of the last complete quarter");
    ObjectNode plan =
        props
            .putObject("plan")
            .put("type", "object")
            .put("nullable", true)
            .put(
                "description",
                "live (else draft) plan: status, nextReviewAt, objectives' progress, overdue actions")
            .putObject("properties");
    plan.putObject("id").put("type", "string").put("format", "uuid");
    plan.putObject("title").put("type", "string");
    plan.putObject("status").put("type", "string");
    plan.putObject("nextReviewAt").put("type", "string").put("nullable", true);
    ObjectNode objective =
        plan.putObject("objectives")
            .put("type", "array")
            .putObject("items")
            .put("type", "object")
            .putObject("properties");
    objective.putObject("id").put("type", "string").put("format", "uuid");
    objective.putObject("title").put("type", "string");
    objective.putObject("status").put("type", "string");
    objective
        .putObject("progress")
        .put("type", "number")
        .put("nullable", true)
        .put("description", "share of the target reached, 0..1");
    ObjectNode overdue =
        plan.putObject("overdueActions")
            .put("type", "array")
            .putObject("items")
            .put("type", "object")
            .putObject("properties");
    overdue.putObject("id").put("type", "string").put("format", "uuid");
    overdue.putObject("title").put("type", "string");
    overdue.putObject("dueDate").put("type", "string").put("format", "date");
    overdue.putObject("ownerId").put("type", "string").put("nullable", true);
    props
        .putObject("warnings")
        .put("type", "array")
        .putObject("items")
        .put("$ref", "#/components/schemas/OverviewWarning");
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
    shp.putObject("services")
        .put("type", "array")
        .putObject("items")
        .put("$ref", "#/components/schemas/ServiceHealth");
    ObjectNode svc = schemas.putObject("ServiceHealth").put("type", "object");
    svc.putArray("required").add("service").add("status");
    ObjectNode sp = svc.putObject("properties");
    sp.putObject("service").put("type", "string").put("example", "account");
    sp.putObject("status").put("type", "string").putArray("enum").add("UP").add("DOWN");
    sp.putObject("version")
        .put("type", "string")
        .put("nullable", true)
        .put("description", "the service's own build version");
    sp.putObject("outboxBacklog").put("type", "integer").put("nullable", true);
    sp.putObject("outboxOldestAgeSeconds").put("type", "number").put("nullable", true);
    sp.putObject("kafka").put("type", "string").put("nullable", true);
    ObjectNode events =
        sp.putObject("events")
            .put("type", "object")
            .put("nullable", true)
            .put(
                "description",
                "per consumer group: lag per topic, parked events and the oldest's age, dead letters not replayed, outbox backlog and oldest age")
            .putObject("properties");
    ObjectNode group =
        events
            .putObject("consumerGroups")
            .put("type", "array")
            .putObject("items")
            .put("type", "object")
            .putObject("properties");
    group.putObject("group").put("type", "string");
    group
        .putObject("lag")
        .put("type", "object")
        .put("description", "records behind, per topic")
        .putObject("additionalProperties")
        .put("type", "integer")
        .put("format", "int64");
    for (String count :
        java.util.List.of(
            "outboxBacklog",
            "outboxOldestAgeSeconds",
            "parkedEvents",
            "parkedOldestAgeSeconds",
            "deadLetters")) {
      events.putObject(count).put("type", "integer").put("format", "int64");
    }
    events
        .putObject("database")
        .put("type", "string")
        .put("description", "`unreachable` when the service's database did not answer");
    health.put(
        "description",
        "For ops: each service's readiness check, its version and its outbox backlog; under"
            + " `events`: per consumer group the lag per topic, parked events and the oldest's age (seconds), dead"
            + " letters not replayed, outbox backlog and the oldest unsent row's age.");

    ObjectNode consistency = paths.putObject("/api/v1/consistency").putObject("get");
    consistency
        .put("summary", "Read-your-writes: have all consumers applied a write?")
        .put("operationId", "getConsistency")
        .put(
            "description",
            "Every successful write that published events answers a `KAM-Consistency-Token` header"
                + " (the producer, its topic and, per account, the last event sequence of the write; writes of more than"
                + " 200 accounts carry none). This asks every service whether it has applied those events (from its inbox"
                + " positions) and answers `consistent: true` once every consumer has. With `wait` (up to 30s) the gateway"
                + " keeps asking until then and answers what holds at the end; `consistent: false` is an answer, not an"
                + " error. Events a write causes later (coalesced KPI snapshots, rescoring) are not covered.");
    ObjectNode token = consistency.putArray("parameters").addObject();
    token
        .put("name", "write")
        .put("in", "query")
        .put("required", true)
        .put("description", "a KAM-Consistency-Token")
        .putObject("schema")
        .put("type", "string");
    ObjectNode wait =
        ((com.fasterxml.jackson.databind.node.ArrayNode) consistency.get("parameters")).addObject();
    wait.put("name", "wait")
        .put("in", "query")
        .put("required", false)
        .put(
            "description",
            "how long to wait for consistency: 5s, 500ms, PT5S or whole seconds, at most 30s (default 0)")
        .putObject("schema")
        .put("type", "string");
    ObjectNode answer =
        consistency
            .putObject("responses")
            .putObject("200")
            .put("description", "Whether every consumer has applied the write")
            .putObject("content")
            .putObject("application/json")
            .putObject("schema")
            .put("type", "object")
            .putObject("properties");
    answer.putObject("consistent").put("type", "boolean");
    ObjectNode consumerAnswer =
        answer
            .putObject("services")
            .put("type", "array")
            .putObject("items")
            .put("type", "object")
            .putObject("properties");
    consumerAnswer.putObject("service").put("type", "string");
    consumerAnswer
        .putObject("consumes")
        .put("type", "boolean")
        .put("description", "whether the service consumes the token's topic");
    consumerAnswer.putObject("applied").put("type", "boolean");
    consumerAnswer
        .putObject("behind")
        .put("type", "array")
        .put("description", "up to 20 accounts not applied yet")
        .putObject("items")
        .put("type", "string");
    return doc;
  }
}
