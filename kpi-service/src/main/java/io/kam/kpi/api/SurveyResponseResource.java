package io.kam.kpi.api;

import io.kam.chassis.http.Idempotency;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.kpi.domain.ingest.BulkIngest;
import io.kam.kpi.domain.ingest.SurveyResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/survey-responses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpi")
@RolesAllowed({Roles.INTEGRATION, Roles.KAM_MANAGER, Roles.ADMIN})
public class SurveyResponseResource {

  private final BulkIngest ingest;
  private final SurveyResponses responses;
  private final Idempotency idempotency;
  private final Caller caller;

  public SurveyResponseResource(
      BulkIngest ingest, SurveyResponses responses, Idempotency idempotency, Caller caller) {
    this.ingest = ingest;
    this.responses = responses;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.INTEGRATION, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Bulk upsert of CSAT / NPS responses by source + externalId (up to 5000)")
  @APIResponse(responseCode = "200", description = "Per-item results in request order")
  @APIResponse(responseCode = "413", description = "More than 5000 items")
  public Response upsert(
      @HeaderParam(Idempotency.HEADER) String key, SurveyResponsesRequest request) {
    BulkLimits.check(request == null ? null : request.items());
    return idempotency.run(
        key,
        caller.origin() + " PUT /api/v1/survey-responses",
        request,
        () -> Response.ok(new BulkResponse(ingest.ingest(responses, request.items()))).build());
  }
}
