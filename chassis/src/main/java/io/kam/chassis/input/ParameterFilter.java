package io.kam.chassis.input;

import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every query and path parameter of every resource passes the input rules before the resource runs:
 * a NUL character (PostgreSQL refuses it in text), an unpaired surrogate or an over-long value is a
 * 400 naming the parameter, and so is a blank path segment where an id belongs (a resource would
 * otherwise read it as "no id"). One filter instead of a check per resource.
 */
public class ParameterFilter {

  @ServerRequestFilter
  public Response check(ContainerRequestContext request) {
    List<Problem.FieldError> errors = new ArrayList<>();
    collect(request.getUriInfo().getPathParameters(), true, errors);
    collect(request.getUriInfo().getQueryParameters(), false, errors);
    if (errors.isEmpty()) {
      return null;
    }
    Problem.FieldError first = errors.get(0);
    return Problems.response(
        400,
        "Bad request",
        first.field() + ": " + first.message(),
        request.getUriInfo().getPath(),
        errors,
        Map.of());
  }

  private static void collect(
      MultivaluedMap<String, String> params, boolean path, List<Problem.FieldError> errors) {
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      for (String value : e.getValue()) {
        String reason =
            path && (value == null || value.isBlank())
                ? "must not be blank"
                : InputRules.checkText(value, InputRules.maxParamLength(e.getKey()));
        if (reason != null) {
          errors.add(new Problem.FieldError(printable(e.getKey()), reason));
          break;
        }
      }
    }
  }

  /** The parameter's name as a client can read it back (a hostile name may hold NUL too). */
  private static String printable(String name) {
    String clean = name.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
    return clean.length() > 100 ? clean.substring(0, 100) + "..." : clean;
  }
}
