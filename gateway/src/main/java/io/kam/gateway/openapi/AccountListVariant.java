package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gateway's own variant of account-service's {@code GET /api/v1/accounts}: with {@code
 * include=score,kpis} the gateway answers it, each item carrying its score and KPIs. One path has
 * one GET in OpenAPI, so the account-service operation is extended in the merged document: the two
 * parameters, and a page whose items are the account plus the optional {@code score} and {@code
 * kpis} (absent without {@code include}) and whose {@code warnings} name failed parts. The item
 * schemas are the services' own (scoring's ranked-list item, kpi's batch item), found by their
 * operations, so nothing is copied by hand.
 */
final class AccountListVariant {

  static final String PAGE = "AccountListPage";
  static final String ITEM = "AccountListItem";
  private static final String REF = "#/components/schemas/";

  private AccountListVariant() {}

  static void apply(ObjectNode doc, ObjectNode paths, ObjectNode schemas) {
    JsonNode op = paths.path("/api/v1/accounts").path("get");
    JsonNode page = Schemas.resolve(okSchema(op), schemas);
    JsonNode account = page == null ? null : page.path("properties").path("items").path("items");
    if (!(op instanceof ObjectNode list) || account == null || account.isMissingNode()) {
      return; // account-service's document is not there yet: nothing to extend
    }
    boolean v31 = doc.path("openapi").asText("").startsWith("3.1");
    JsonNode score = listItem(paths, schemas, "/api/v1/scores");
    JsonNode kpis = kpisItem(paths, schemas);

    ObjectNode item = schemas.putObject(ITEM);
    item.put(
        "description",
        "An account of the list; with include=score and/or include=kpis (answered by the gateway)"
            + " also its score and KPIs, null when its service has none for it or failed.");
    ArrayNode all = item.putArray("allOf");
    all.add(account.deepCopy());
    ObjectNode extra = all.addObject().put("type", "object");
    ObjectNode props = extra.putObject("properties");
    nullable(props.putObject("score"), score, v31)
        .put("description", "with include=score: the account's score as in GET /api/v1/scores");
    nullable(props.putObject("kpis"), kpis, v31)
        .put("description", "with include=kpis: the account's KPIs for `period`");

    ObjectNode composed = schemas.putObject(PAGE).put("type", "object");
    composed.put("description", "A page of accounts (see " + ITEM + ")");
    composed.putArray("required").add("items");
    ObjectNode pp = composed.putObject("properties");
    pp.putObject("items").put("type", "array").putObject("items").put("$ref", REF + ITEM);
    pp.set("nextCursor", nextCursor(page));
    pp.putObject("warnings")
        .put("type", "array")
        .put("description", "with include: the parts that failed (their fields are null)")
        .putObject("items")
        .put("$ref", REF + "OverviewWarning");

    ObjectNode json =
        (ObjectNode) list.path("responses").path("200").path("content").path("application/json");
    json.putObject("schema").put("$ref", REF + PAGE);
    ArrayNode params =
        list.get("parameters") instanceof ArrayNode a ? a : list.putArray("parameters");
    ObjectNode include = params.addObject();
    include
        .put("name", "include")
        .put("in", "query")
        .put("required", false)
        .put("style", "form")
        .put("explode", false)
        .put(
            "description",
            "score, kpis or both (comma-separated): the gateway adds each account's score and its"
                + " KPIs for `period` to the page, fetched in parallel; a part that fails is null with a"
                + " `warnings` entry, never a failed call. An unknown part is 400.");
    ObjectNode array = include.putObject("schema").put("type", "array").put("maxItems", 2);
    array.putObject("items").put("type", "string").putArray("enum").add("score").add("kpis");
    params
        .addObject()
        .put("name", "period")
        .put("in", "query")
        .put("required", false)
        .put(
            "description",
            "with include=kpis: the KPI period, as on GET /api/v1/accounts/{id}/kpis")
        .putObject("schema")
        .put("type", "string")
        .put("maxLength", 32);
    String description = list.path("description").asText("");
    list.put(
        "description",
        (description.isEmpty() ? "" : description + "\n\n")
            + "With `include=score,kpis` the gateway answers: one call per list page, with each"
            + " account's score and KPIs (the same filters, sorts and cursors).");
  }

  static JsonNode okSchema(JsonNode op) {
    JsonNode schema =
        op.path("responses").path("200").path("content").path("application/json").path("schema");
    return schema.isMissingNode() ? null : schema;
  }

  /**
   * kpi's item: its batch read's, else its single read's, else its {@code AccountKpis} schema by
   * name (a service document that leaves the single read untyped still names the record).
   */
  static JsonNode kpisItem(ObjectNode paths, ObjectNode schemas) {
    JsonNode kpis = listItem(paths, schemas, "/api/v1/kpis");
    if (kpis == null) {
      kpis = okSchema(paths.path("/api/v1/accounts/{id}/kpis").path("get"));
    }
    if (!typed(kpis) && schemas.has("AccountKpis")) {
      kpis =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .createObjectNode()
              .put("$ref", REF + "AccountKpis");
    }
    return typed(kpis) ? kpis : null;
  }

  /** A schema that says something (not missing, not {@code {}}). */
  static boolean typed(JsonNode schema) {
    return schema != null && schema.isObject() && !schema.isEmpty();
  }

  /** The item schema of a list operation (its page's {@code items}), or null. */
  static JsonNode listItem(ObjectNode paths, ObjectNode schemas, String path) {
    JsonNode page = Schemas.resolve(okSchema(paths.path(path).path("get")), schemas);
    JsonNode item = page == null ? null : page.path("properties").path("items").path("items");
    return item == null || item.isMissingNode() ? null : item;
  }

  static ObjectNode nullable(ObjectNode target, JsonNode schema, boolean v31) {
    JsonNode ref = schema;
    if (ref == null) {
      return target.put("type", "object").put("nullable", true);
    }
    if (v31) {
      ArrayNode one = target.putArray("oneOf");
      one.add(ref.deepCopy());
      one.addObject().put("type", "null");
    } else {
      target.put("nullable", true).putArray("allOf").add(ref.deepCopy());
    }
    return target;
  }

  private static JsonNode nextCursor(JsonNode page) {
    JsonNode cursor = page.path("properties").path("nextCursor");
    return cursor.isMissingNode()
        ? new com.fasterxml.jackson.databind.ObjectMapper()
            .createObjectNode()
            .put("type", "string")
            .put("nullable", true)
        : cursor.deepCopy();
  }
}
