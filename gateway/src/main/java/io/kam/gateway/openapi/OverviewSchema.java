package io.kam.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The overview's parts are the services' own answers: in the merged document its {@code account},
 * {@code score} and {@code kpis} refer to the schemas of the reads they come from, so a client gets
 * their fields typed (the gateway's own document cannot name them: it has no such classes).
 */
final class OverviewSchema {

  private OverviewSchema() {}

  static void apply(ObjectNode doc, ObjectNode paths, ObjectNode schemas) {
    if (!(schemas.path("AccountOverview").path("properties") instanceof ObjectNode props)) {
      return;
    }
    boolean v31 = doc.path("openapi").asText("").startsWith("3.1");
    JsonNode account = AccountListVariant.okSchema(paths.path("/api/v1/accounts/{id}").path("get"));
    if (!AccountListVariant.typed(account)) {
      // The same record as the list's items: typed there even when the single read is not.
      account = AccountListVariant.listItem(paths, schemas, "/api/v1/accounts");
    }
    link(props, "account", account, false, v31);
    link(
        props,
        "score",
        AccountListVariant.okSchema(paths.path("/api/v1/accounts/{id}/score").path("get")),
        true,
        v31);
    link(props, "kpis", AccountListVariant.kpisItem(paths, schemas), true, v31);
  }

  private static void link(
      ObjectNode props, String field, JsonNode schema, boolean nullable, boolean v31) {
    if (!AccountListVariant.typed(schema)) {
      return; // the service's document is not there yet: the placeholder stays
    }
    String description = props.path(field).path("description").asText("");
    ObjectNode target = props.putObject(field);
    if (nullable) {
      AccountListVariant.nullable(target, schema, v31);
    } else {
      target.setAll((ObjectNode) schema.deepCopy());
    }
    target.put("description", description);
  }
}
