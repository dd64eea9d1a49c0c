package io.kam.chassis.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.http.MergePatch;
import io.kam.chassis.http.Preconditions;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/widgets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WidgetResource {

  private final WidgetService widgets;
  private final Idempotency idempotency;
  private final Cursors cursors;
  private final Caller caller;
  private final ObjectMapper json;
  private final Validator validator;

  public WidgetResource(
      WidgetService widgets,
      Idempotency idempotency,
      Cursors cursors,
      Caller caller,
      ObjectMapper json,
      Validator validator) {
    this.widgets = widgets;
    this.idempotency = idempotency;
    this.cursors = cursors;
    this.caller = caller;
    this.json = json;
    this.validator = validator;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull WidgetRequest req) {
    caller.require("admin", "kam");
    return idempotency.run(
        key,
        caller.origin() + " POST widgets",
        req,
        () -> {
          WidgetView w = widgets.create(req);
          return Response.created(URI.create("/api/v1/widgets/" + w.id()))
              .header("ETag", Preconditions.etag(w.version()))
              .entity(w)
              .build();
        });
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") UUID id) {
    WidgetView w = widgets.get(id);
    return Response.ok(w).header("ETag", Preconditions.etag(w.version())).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull WidgetRequest req) {
    Preconditions.requireIfMatch(ifMatch, widgets.get(id).version());
    WidgetView w = widgets.replace(id, req);
    return Response.ok(w).header("ETag", Preconditions.etag(w.version())).build();
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  public Response patch(
      @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch)
      throws com.fasterxml.jackson.core.JsonProcessingException {
    WidgetView current = widgets.get(id);
    Preconditions.requireIfMatch(ifMatch, current.version());
    // Only the writable fields are patched: the request type refuses unknown ones (id, version).
    com.fasterxml.jackson.databind.node.ObjectNode base = json.valueToTree(current);
    base.remove(java.util.List.of("id", "version"));
    JsonNode merged = MergePatch.apply(base, patch);
    WidgetRequest req = json.treeToValue(merged, WidgetRequest.class);
    var violations = validator.validate(req);
    if (!violations.isEmpty()) {
      throw new jakarta.validation.ConstraintViolationException(violations);
    }
    WidgetView w = widgets.replace(id, req);
    return Response.ok(w).header("ETag", Preconditions.etag(w.version())).build();
  }

  @GET
  public Page<WidgetView> list(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    PageRequest page = PageRequest.of(cursors, Cursors.scope("GET /api/v1/widgets"), limit, cursor);
    String after = page.after("after");
    List<WidgetView> rows =
        widgets.after(after == null ? null : UUID.fromString(after), page.fetchSize());
    return page.of(rows, w -> Map.of("after", w.id().toString()));
  }

  @GET
  @Path("/whoami")
  public Map<String, Object> whoami() {
    return Map.of("userId", caller.userId(), "roles", caller.roles(), "origin", caller.origin());
  }
}
