package io.kam.account.api;

import io.kam.chassis.input.InputRules;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * A history entry's {@code from} and {@code to} hold the changed field's value, whose JSON type
 * depends on the field (a name, a score, the team, the deleted flag). Java holds them as a JSON
 * tree, which the scanner would describe as Jackson's node class; this states what they are: a
 * string, number, boolean, team array or null. The node class then describes nothing and is
 * dropped.
 */
@OpenApiFilter
public class HistoryValueSchema implements OASFilter {

  static final String ENTRY = "AccountHistoryEntry";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    Schema entry = schemas.get(ENTRY);
    if (entry == null || entry.getProperties() == null) {
      return;
    }
    for (String side : List.of("from", "to")) {
      Schema old = entry.getProperties().get(side);
      entry.addProperty(side, value(old == null ? null : old.getDescription()));
    }
    openAPI.getComponents().removeSchema("JsonNode");
    openAPI.getComponents().removeSchema("JsonNodeType");
  }

  private static Schema value(String description) {
    return OASFactory.createSchema()
        .description(description)
        .oneOf(
            List.of(
                OASFactory.createSchema()
                    .addType(SchemaType.STRING)
                    .maxLength(InputRules.MAX_STRING_LENGTH),
                OASFactory.createSchema().addType(SchemaType.NUMBER),
                OASFactory.createSchema().addType(SchemaType.BOOLEAN),
                OASFactory.createSchema()
                    .addType(SchemaType.ARRAY)
                    .maxItems(InputRules.MAX_ITEMS)
                    .items(OASFactory.createSchema().ref("TeamMember")),
                OASFactory.createSchema().addType(SchemaType.NULL)));
  }
}
