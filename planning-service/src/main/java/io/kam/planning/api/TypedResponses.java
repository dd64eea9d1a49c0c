package io.kam.planning.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A {@link Response} (what the chassis's idempotency answers, first or replayed) as the typed
 * response a resource declares, so the OpenAPI document knows its schema. Status, headers and body
 * pass unchanged; a replay's body is the stored JSON text.
 */
final class TypedResponses {

  private TypedResponses() {}

  @SuppressWarnings("unchecked")
  static <T> RestResponse<T> of(Response response) {
    RestResponse.ResponseBuilder<T> typed =
        RestResponse.ResponseBuilder.create(response.getStatus());
    response.getHeaders().forEach((name, values) -> values.forEach(v -> typed.header(name, v)));
    return typed.entity((T) response.getEntity()).build();
  }
}
