package io.kam.planning.api;

import io.kam.chassis.input.InputRules;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Completes the operations the part resources inherit from {@link PartResource}, which the OpenAPI
 * scanner reads against the generic class: a summary's {@link PartResource#PARTS} becomes the noun
 * of its path ({@code /api/v1/plans/{planId}/risks/{id}}: "risks"), a path variable the class-level
 * path declares ({@code planId}) is documented as the path parameter it is, and an operation that
 * needs a role answers 401 and 403, as Quarkus documents its own.
 */
@OpenApiFilter
public class InheritedOperations implements OASFilter {

  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .values()
                    .forEach(
                        op -> {
                          if (op.getSummary() != null
                              && op.getSummary().contains(PartResource.PARTS)) {
                            op.setSummary(op.getSummary().replace(PartResource.PARTS, noun(path)));
                            addMissingPathParameters(path, op);
                            if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
                              addIfMissing(op, "401", "Not Authorized");
                              addIfMissing(op, "403", "Not Allowed");
                            }
                          }
                        }));
  }

  /** The last segment of the path that is not a variable. */
  static String noun(String path) {
    return Arrays.stream(path.split("/"))
        .filter(s -> !s.isEmpty() && !s.startsWith("{"))
        .reduce((a, b) -> b)
        .orElse("");
  }

  private static void addIfMissing(Operation op, String status, String description) {
    if (op.getResponses() == null) {
      op.setResponses(OASFactory.createAPIResponses());
    }
    if (!op.getResponses().hasAPIResponse(status)) {
      op.getResponses()
          .addAPIResponse(status, OASFactory.createAPIResponse().description(description));
    }
  }

  /** Path parameters first, by name (as the scanner orders them), then the others as they were. */
  private static void addMissingPathParameters(String path, Operation op) {
    List<Parameter> params =
        op.getParameters() == null ? new ArrayList<>() : new ArrayList<>(op.getParameters());
    Matcher m = VARIABLE.matcher(path);
    while (m.find()) {
      String name = m.group(1);
      if (params.stream()
          .noneMatch(p -> p.getIn() == Parameter.In.PATH && name.equals(p.getName()))) {
        params.add(
            OASFactory.createParameter()
                .name(name)
                .in(Parameter.In.PATH)
                .required(true)
                .schema(
                    OASFactory.createSchema()
                        .addType(SchemaType.STRING)
                        .maxLength(InputRules.MAX_PARAM_LENGTH)));
      }
    }
    params.sort(
        Comparator.comparing((Parameter p) -> p.getIn() != Parameter.In.PATH)
            .thenComparing(p -> p.getIn() == Parameter.In.PATH ? p.getName() : ""));
    op.setParameters(params);
  }
}
