package io.kam.chassis.input;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Makes every service's OpenAPI document state the bounds the chassis enforces: a string without
 * its own maxLength (from @Size) gets {@link InputRules#MAX_STRING_LENGTH} (parameters {@link
 * InputRules#MAX_PARAM_LENGTH}), an array without maxItems gets {@link InputRules#MAX_ITEMS}, an
 * integer without minimum/maximum gets its type's range, and every object a request body can hold
 * says additionalProperties: false (unknown fields are refused). Tighter bounds declared by Bean
 * Validation on the DTO records are kept as they are.
 */
@OpenApiFilter
public class DocumentedBounds implements OASFilter {

  private static final String PREFIX = "#/components/schemas/";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Map<String, Schema> components =
        openAPI.getComponents() == null ? Map.of() : nonNull(openAPI.getComponents().getSchemas());
    components.values().forEach(s -> bound(s, InputRules.MAX_STRING_LENGTH));
    if (openAPI.getPaths() == null) {
      return;
    }
    Set<String> requestSchemas = new HashSet<>();
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(
            item -> {
              nonNull(item.getParameters()).forEach(DocumentedBounds::bound);
              item.getOperations()
                  .values()
                  .forEach(
                      op -> {
                        nonNull(op.getParameters()).forEach(DocumentedBounds::bound);
                        if (op.getRequestBody() != null) {
                          content(op.getRequestBody().getContent())
                              .forEach(
                                  s -> {
                                    bound(s, InputRules.MAX_STRING_LENGTH);
                                    closed(s, components, requestSchemas);
                                  });
                        }
                        responses(op).forEach(s -> bound(s, InputRules.MAX_STRING_LENGTH));
                      });
            });
  }

  private static void bound(Parameter p) {
    if (p.getSchema() != null) {
      bound(p.getSchema(), InputRules.MAX_PARAM_LENGTH);
    }
  }

  private static List<Schema> responses(Operation op) {
    if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
      return List.of();
    }
    return op.getResponses().getAPIResponses().values().stream()
        .flatMap(r -> content(r.getContent()).stream())
        .toList();
  }

  private static List<Schema> content(Content content) {
    if (content == null || content.getMediaTypes() == null) {
      return List.of();
    }
    return content.getMediaTypes().values().stream()
        .map(m -> m.getSchema())
        .filter(s -> s != null)
        .toList();
  }

  /** Fills in the bounds the chassis enforces where the schema declares none of its own. */
  static void bound(Schema s, int maxLength) {
    if (s == null || s.getRef() != null) {
      return;
    }
    List<SchemaType> types = nonNull(s.getType());
    if (types.contains(SchemaType.STRING)
        && s.getMaxLength() == null
        && s.getEnumeration() == null
        && s.getConstValue() == null) {
      s.setMaxLength(
          switch (String.valueOf(s.getFormat())) {
            case "uuid" -> 36;
            case "date" -> 10;
            case "date-time" -> 35;
            default -> maxLength;
          });
    }
    if (types.contains(SchemaType.INTEGER)) {
      boolean int32 = "int32".equals(s.getFormat());
      if (s.getFormat() == null) {
        s.setFormat("int64");
      }
      if (s.getMinimum() == null && s.getExclusiveMinimum() == null) {
        s.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
      }
      if (s.getMaximum() == null && s.getExclusiveMaximum() == null) {
        s.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
      }
    }
    if (types.contains(SchemaType.ARRAY) && s.getMaxItems() == null) {
      s.setMaxItems(InputRules.MAX_ITEMS);
    }
    nonNull(s.getProperties()).values().forEach(p -> bound(p, maxLength));
    bound(s.getItems(), maxLength);
    bound(s.getAdditionalPropertiesSchema(), maxLength);
    nonNull(s.getAllOf()).forEach(p -> bound(p, maxLength));
    nonNull(s.getAnyOf()).forEach(p -> bound(p, maxLength));
    nonNull(s.getOneOf()).forEach(p -> bound(p, maxLength));
  }

  /** Marks every object schema a request body can hold as closed to unknown fields. */
  private static void closed(Schema s, Map<String, Schema> components, Set<String> seen) {
    if (s == null) {
      return;
    }
    if (s.getRef() != null) {
      String name = s.getRef().startsWith(PREFIX) ? s.getRef().substring(PREFIX.length()) : null;
      if (name != null && seen.add(name)) {
        closed(components.get(name), components, seen);
      }
      return;
    }
    if (nonNull(s.getProperties()).size() > 0
        && s.getAdditionalPropertiesSchema() == null
        && s.getAdditionalPropertiesBoolean() == null) {
      s.setAdditionalPropertiesBoolean(Boolean.FALSE);
    }
    nonNull(s.getProperties()).values().forEach(p -> closed(p, components, seen));
    closed(s.getItems(), components, seen);
    nonNull(s.getAllOf()).forEach(p -> closed(p, components, seen));
    nonNull(s.getAnyOf()).forEach(p -> closed(p, components, seen));
    nonNull(s.getOneOf()).forEach(p -> closed(p, components, seen));
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
