package io.kam.planning.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Roles;
import io.kam.planning.domain.PlanHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of a plan and its parts, newest first, paged like the account history. */
@Path("/api/v1/plans/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class PlanHistoryResource {

  private final PlanHistory history;
  private final Cursors cursors;

  public PlanHistoryResource(PlanHistory history, Cursors cursors) {
    this.history = history;
    this.cursors = cursors;
  }

  @GET
  @Operation(
      summary =
          "Audit trail of the plan and its objectives, actions, risks, opportunities and reviews,"
              + " newest first: who, when, which part, field, from, to (as text), and why")
  @APIResponse(
      responseCode = "200",
      description = "The plan history, newest first, a page",
      content = @Content(schema = @Schema(implementation = PageSchemas.PlanHistoryPage.class)))
  @APIResponse(responseCode = "404", description = "no such plan")
  public Page<PlanViews.PlanHistoryEntry> page(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    UUID plan = QueryParams.requiredUuid("id", id);
    PageRequest page =
        PageRequest.of(
            cursors, Cursors.scope("GET /api/v1/plans/" + plan + "/history"), limit, cursor);
    Long beforeId =
        QueryParams.longValue("cursor", page.after("before"), "a cursor this API issued");
    return page.of(
        history.page(plan, beforeId, page.fetchSize()),
        last -> Map.of("before", String.valueOf(last.id())),
        e ->
            new PlanViews.PlanHistoryEntry(
                e.id(),
                e.changedAt(),
                e.changedBy(),
                e.part(),
                e.partId(),
                e.operation(),
                e.field(),
                e.from(),
                e.to(),
                e.reason()));
  }
}
