package io.kam.scoring.api;

import io.kam.chassis.http.Idempotency;
import io.kam.chassis.http.Preconditions;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.scoring.domain.ModelService;
import io.kam.scoring.domain.ScoringModel;
import io.kam.scoring.domain.Simulation;
import io.kam.scoring.domain.calc.ModelDraft;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scoring-models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scoring-models")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class ScoringModelResource {

  private final ModelService models;
  private final Simulation simulation;
  private final Idempotency idempotency;
  private final Cursors cursors;
  private final Caller caller;

  public ScoringModelResource(
      ModelService models,
      Simulation simulation,
      Idempotency idempotency,
      Cursors cursors,
      Caller caller) {
    this.models = models;
    this.simulation = simulation;
    this.idempotency = idempotency;
    this.cursors = cursors;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "Scoring models by version; status filters DRAFT, ACTIVE or RETIRED")
  public Page<ModelView> list(
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    if (status != null && !List.of("DRAFT", "ACTIVE", "RETIRED").contains(status)) {
      throw QueryParams.bad("status", "must be one of DRAFT, ACTIVE, RETIRED");
    }
    PageRequest page =
        PageRequest.of(
            cursors, Cursors.scope("GET /api/v1/scoring-models", "status", status), limit, cursor);
    Long after = QueryParams.longValue("cursor", page.after("after"), "a cursor this API issued");
    return page.of(
        models.list(status, after == null ? 0 : after.intValue(), page.fetchSize()),
        last -> Map.of("after", String.valueOf(last.version)),
        this::view);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One model, with the progress of its rescoring once activated")
  @APIResponse(
      responseCode = "200",
      description = "The model",
      content = @Content(schema = @Schema(implementation = ModelView.class)))
  @APIResponse(responseCode = "404", description = "No such model")
  public Response get(@PathParam("id") String id) {
    ScoringModel m = models.get(QueryParams.requiredUuid("id", id));
    return Response.ok(view(m)).header("ETag", Preconditions.etag(m.rowVersion)).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Create a new model version as a DRAFT")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = ModelView.class)))
  @APIResponse(responseCode = "422", description = "Invalid model; errors name each field")
  public Response create(@HeaderParam(Idempotency.HEADER) String key, ModelDraft draft) {
    return idempotency.run(
        key,
        caller.origin() + " POST /api/v1/scoring-models",
        draft,
        () -> {
          ScoringModel m = models.create(draft, caller.origin());
          return Response.created(URI.create("/api/v1/scoring-models/" + m.id))
              .header("ETag", Preconditions.etag(m.rowVersion))
              .entity(view(m))
              .build();
        });
  }

  @POST
  @Path("/{id}/activate")
  @RolesAllowed({Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(
      summary =
          "Activate a DRAFT: the active model retires and every account is rescored in the"
              + " background (progress in rescoring)")
  @APIResponse(
      responseCode = "202",
      description = "Activated; rescoring runs",
      content = @Content(schema = @Schema(implementation = ModelView.class)))
  @APIResponse(responseCode = "409", description = "The model is not a DRAFT")
  public Response activate(@PathParam("id") String id) {
    ScoringModel m = models.activate(QueryParams.requiredUuid("id", id));
    return Response.accepted(view(models.get(m.id)))
        .location(URI.create("/api/v1/scoring-models/" + m.id))
        .build();
  }

  @POST
  @Path("/{id}/simulate")
  @RolesAllowed({Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(
      summary =
          "What-if: which accounts' computed tier would enter or leave KEY under this model,"
              + " changing nothing")
  public SimulationView simulate(@PathParam("id") String id) {
    ScoringModel m = models.get(QueryParams.requiredUuid("id", id));
    return SimulationView.of(m.id, m.version, simulation.run(m));
  }

  private ModelView view(ScoringModel m) {
    return ModelView.of(m, models.latestJob(m.id));
  }
}
