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
    link(props, "account", paths, "/api/v1/accounts/{id}", false, v31);
    link(props, "score", paths, "/api/v1/accounts/{id}/score", true, v31);
    link(props, "kpis", paths, "/api/v1/accounts/{id}/kpis", true, v31);
  }

  private static void link(
      ObjectNode props,
      String field,
      ObjectNode paths,
      String path,
      boolean nullable,
      boolean v31) {
    JsonNode schema = AccountListVariant.okSchema(paths.path(path).path("get"));
    if (schema == null) {
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
