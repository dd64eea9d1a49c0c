package io.kam.scoring.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.scoring.domain.DesignationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/accounts/{id}/designation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
@RolesAllowed({Roles.KAM_MANAGER, Roles.ADMIN})
public class DesignationResource {

  private final DesignationService designations;
  private final Caller caller;
  private final ScoreViews views;

  public DesignationResource(DesignationService designations, Caller caller, ScoreViews views) {
    this.designations = designations;
    this.caller = caller;
    this.views = views;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Designate the account KEY or exclude it (STANDARD) by hand")
  @APIResponse(responseCode = "403", description = "Needs kam-manager or admin")
  @APIResponse(responseCode = "404", description = "Unknown or not yet scored account")
  @APIResponse(responseCode = "422", description = "Invalid designation")
  public ScoreView designate(@PathParam("id") String id, @Valid @NotNull DesignationRequest req) {
    var a =
        designations.designate(
            QueryParams.requiredUuid("id", id),
            req.tier().name(),
            req.reason(),
            req.endsOn(),
            caller.origin());
    return views.score(a);
  }

  @DELETE
  @Operation(summary = "Remove the designation: the computed tier applies again")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No designation in force")
  public void remove(@PathParam("id") String id) {
    designations.remove(QueryParams.requiredUuid("id", id));
  }
}
