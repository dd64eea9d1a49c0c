package io.kam.kpi.api;

import io.kam.chassis.http.Idempotency;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.kpi.domain.ingest.BulkIngest;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/revenue-lines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpi")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class RevenueLineResource {

  private final BulkIngest ingest;
  private final RevenueLines lines;
  private final Idempotency idempotency;
  private final Cursors cursors;
  private final Caller caller;

  public RevenueLineResource(
      BulkIngest ingest,
      RevenueLines lines,
      Idempotency idempotency,
      Cursors cursors,
      Caller caller) {
    this.ingest = ingest;
    this.lines = lines;
    this.idempotency = idempotency;
    this.cursors = cursors;
    this.caller = caller;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.INTEGRATION, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(
      summary =
          "Bulk upsert of revenue lines by source + externalId (up to 5000); deleted=true voids")
  @APIResponse(responseCode = "200", description = "Per-item results in request order")
  @APIResponse(responseCode = "413", description = "More than 5000 items")
  public Response upsert(@HeaderParam(Idempotency.HEADER) String key, RevenueLinesRequest request) {
    BulkLimits.check(request == null ? null : request.items());
    return idempotency.run(
        key,
        caller.origin() + " PUT /api/v1/revenue-lines",
        request,
        () -> Response.ok(new BulkResponse(ingest.ingest(lines, request.items()))).build());
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
  @Operation(
      summary = "Revenue lines (not voided) by date, optionally of one account and a date range")
  public Page<RevenueLineView> list(
      @QueryParam("accountId") String accountId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
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
        RevenueLineView::of);
  }
}
