package io.kam.planning.api;

import io.kam.chassis.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.http.MergePatch;
import io.kam.chassis.http.Preconditions;
import io.kam.chassis.security.Caller;
import io.kam.planning.api.PartRequests.OpportunityRequest;
import io.kam.planning.domain.Opportunity;
import io.kam.planning.domain.OpportunityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The opportunities (whitespace) of a plan. */
@Path("/api/v1/plans/{planId}/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class OpportunityResource {

  private final OpportunityService service;
  private final Idempotency idempotency;
  private final Caller caller;
  private final MergePatches patches;
  private final PartViews views;

  public OpportunityResource(OpportunityService service, Idempotency idempotency, Caller caller, MergePatches patches, PartViews views) {
    this.service = service;
    this.idempotency = idempotency;
    this.caller = caller;
    this.patches = patches;
    this.views = views;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Add one of the opportunities (whitespace) of a plan")
  @APIResponse(responseCode = "201", description = "created")
  @APIResponse(responseCode = "409", description = "the plan is COMPLETED or ARCHIVED")
  public Response create(
      @PathParam("planId") String rawPlanId, @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull OpportunityRequest req) {
    UUID planId = Params.id("planId", rawPlanId);
    return idempotency.run(key, caller.origin() + " POST /api/v1/plans/" + planId + "/opportunities", req, () -> {
      Opportunity x = service.create(planId, req);
      return Response.created(URI.create("/api/v1/plans/" + planId + "/opportunities/" + x.id))
          .header("ETag", Preconditions.etag(x.version)).entity(PlanMapper.view(x)).build();
    });
  }

  @GET
  @Operation(summary = "The opportunities (whitespace) of a plan")
  public Map<String, Object> list(@PathParam("planId") String rawPlanId) {
    UUID planId = Params.id("planId", rawPlanId);
    return Map.of("items", service.list(planId).stream().map(x -> PlanMapper.view(x)).toList());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One of the opportunities (whitespace) of a plan")
  public Response get(@PathParam("planId") String rawPlanId, @PathParam("id") String rawId) {
    UUID planId = Params.id("planId", rawPlanId);
    UUID id = Params.id("id", rawId);
    return ok(service.get(planId, id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Change one of the opportunities (whitespace) of a plan (merge patch, If-Match)")
  @APIResponse(responseCode = "412", description = "If-Match is stale")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public Response patch(
      @PathParam("planId") String rawPlanId, @PathParam("id") String rawId, @HeaderParam("If-Match") String ifMatch,
      JsonNode patch) throws JsonProcessingException {
    UUID planId = Params.id("planId", rawPlanId);
    UUID id = Params.id("id", rawId);
    Opportunity current = service.get(planId, id);
    Preconditions.requireIfMatch(ifMatch, current.version);
    OpportunityRequest req = patches.apply(PartEditables.of(current), patch, OpportunityRequest.class, PartEditables.READ_ONLY);
    return ok(service.update(planId, id, ifMatch, req));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Remove one of the opportunities (whitespace) of a plan (If-Match)")
  public Response delete(
      @PathParam("planId") String rawPlanId, @PathParam("id") String rawId, @HeaderParam("If-Match") String ifMatch) {
    UUID planId = Params.id("planId", rawPlanId);
    UUID id = Params.id("id", rawId);
    service.delete(planId, id, ifMatch);
    return Response.noContent().build();
  }

  private Response ok(Opportunity x) {
    return Response.ok(PlanMapper.view(x)).header("ETag", Preconditions.etag(x.version)).build();
  }
}
