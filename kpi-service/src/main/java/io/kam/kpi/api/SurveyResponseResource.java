package io.kam.kpi.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Page;
import io.kam.chassis.security.Roles;
import io.kam.kpi.domain.ingest.SurveyResponseItem;
import io.kam.kpi.domain.ingest.SurveyResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/survey-responses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpi")
@RolesAllowed({Roles.INTEGRATION, Roles.KAM_MANAGER, Roles.ADMIN})
public class SurveyResponseResource {

  private final BulkEndpoint bulk;
  private final SurveyResponses responses;
  private final PendingItems pending;

  public SurveyResponseResource(
      BulkEndpoint bulk, SurveyResponses responses, PendingItems pending) {
    this.bulk = bulk;
    this.pending = pending;
    this.responses = responses;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.INTEGRATION, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Bulk upsert of CSAT / NPS responses by source + externalId (up to 5000)")
  @APIResponse(
      responseCode = "200",
      description = "Per-item results in request order",
      content = @Content(schema = @Schema(implementation = BulkResponse.class)))
  @APIResponse(responseCode = "413", description = "More than 5000 items")
  public Response upsert(
      @HeaderParam(Idempotency.HEADER) String key,
      @QueryParam("dryRun")
          @Parameter(
              description = BulkEndpoint.DRY_RUN_DOC,
              schema = @Schema(type = SchemaType.BOOLEAN))
          String dryRun,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = SurveyResponsesRequest.class)))
          BulkRequest request)
      throws JsonMappingException {
    return bulk.put(
        "PUT /api/v1/survey-responses", responses, SurveyResponseItem.class, key, dryRun, request);
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
  @Operation(
      summary =
          "Survey responses still waiting for their account (status=PENDING, required), in"
              + " arrival order, with the account reference they wait for and why (pendingReason)")
  public Page<SurveyResponseView> list(
      @QueryParam("status")
          @Parameter(
              required = true,
              description = PendingItems.STATUS_DOC,
              schema = @Schema(enumeration = {PendingItems.PENDING}))
          String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    if (!PendingItems.pendingOnly(status)) {
      throw QueryParams.bad("status", "required: PENDING (responses are read through the KPIs)");
    }
    return pending.page(
        "GET /api/v1/survey-responses", responses, limit, cursor, SurveyResponseView::of);
  }
}
