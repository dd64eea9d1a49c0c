package io.kam.kpi.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Roles;
import io.kam.kpi.domain.ingest.RevenueLineItem;
import io.kam.kpi.domain.ingest.RevenueLines;
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
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/revenue-lines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpi")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class RevenueLineResource {

  private final BulkEndpoint bulk;
  private final RevenueLines lines;
  private final Cursors cursors;
  private final PendingItems pending;

  public RevenueLineResource(
      BulkEndpoint bulk, RevenueLines lines, Cursors cursors, PendingItems pending) {
    this.bulk = bulk;
    this.pending = pending;
    this.lines = lines;
    this.cursors = cursors;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.INTEGRATION, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(
      summary =
          "Bulk upsert of revenue lines by source + externalId (up to 5000); deleted=true voids")
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
                      schema = @Schema(implementation = RevenueLinesRequest.class)))
          BulkRequest request)
      throws JsonMappingException {
    return bulk.put(
        "PUT /api/v1/revenue-lines", lines, RevenueLineItem.class, key, dryRun, request);
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
  @Operation(
      summary =
          "Revenue lines (not voided) by date, optionally of one account and a date range; with"
              + " status=PENDING the lines still waiting for their account, in arrival order, with"
              + " the account reference they wait for and why (pendingReason)")
  public Page<RevenueLineView> list(
      @QueryParam("accountId") String accountId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("status")
          @Parameter(
              description = PendingItems.STATUS_DOC,
              schema = @Schema(enumeration = {PendingItems.PENDING}))
          String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    if (PendingItems.pendingOnly(status, "accountId", accountId, "from", from, "to", to)) {
      return pending.page("GET /api/v1/revenue-lines", lines, limit, cursor, RevenueLineView::of);
    }
    PageRequest page =
        PageRequest.of(
            cursors,
            Cursors.scope(
                "GET /api/v1/revenue-lines", "accountId", accountId, "from", from, "to", to),
            limit,
            cursor);
    String afterDate = page.after("date");
    return page.of(
        lines.page(
            QueryParams.uuid("accountId", accountId),
            QueryParams.date("from", from),
            QueryParams.date("to", to),
            afterDate == null ? null : LocalDate.parse(afterDate),
            afterDate == null ? null : Long.valueOf(page.after("id")),
            page.fetchSize()),
        l -> Map.of("date", l.date().toString(), "id", l.id().toString()),
        l -> RevenueLineView.of(l, null));
  }
}
