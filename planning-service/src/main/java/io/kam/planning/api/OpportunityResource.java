package io.kam.planning.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.http.MergePatch;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.planning.api.PartRequests.OpportunityRequest;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The opportunities (whitespace) of a plan. */
@Path("/api/v1/plans/{planId}/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class OpportunityResource {

  private final PartEndpoints<?, OpportunityRequest> endpoints;

  public OpportunityResource(OpportunityService service, Idempotency idempotency, Caller caller, MergePatches patches) {
    this.endpoints = new PartEndpoints<>(
        new PartEndpoints.Kind<>("opportunities", service, PlanMapper::view, PartEditables::of, OpportunityRequest.class),
        idempotency, caller, patches);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Add one of the opportunities of a plan")
  @APIResponse(responseCode = "201", description = "created")
  @APIResponse(responseCode = "409", description = "the plan is COMPLETED or ARCHIVED")
  public Response create(
      @PathParam("planId") String planId, @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull OpportunityRequest req) {
    return endpoints.create(planId, key, req);
  }

  @GET
  @Operation(summary = "The opportunities of a plan")
  public Map<String, Object> list(@PathParam("planId") String planId) {
    return endpoints.list(planId);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One of the opportunities of a plan")
  public Response get(@PathParam("planId") String planId, @PathParam("id") String id) {
    return endpoints.get(planId, id);
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Change one of the opportunities of a plan (merge patch, If-Match)")
  @APIResponse(responseCode = "412", description = "If-Match is stale")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public Response patch(
      @PathParam("planId") String planId, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
      JsonNode patch) throws JsonProcessingException {
    return endpoints.patch(planId, id, ifMatch, patch);
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Remove one of the opportunities of a plan (If-Match)")
  public Response delete(
      @PathParam("planId") String planId, @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
    return endpoints.delete(planId, id, ifMatch);
  }
}
