package io.kam.planning.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Roles;
import io.kam.chassis.time.KamClock;
import io.kam.planning.api.PlanViews.ActionView;
import io.kam.planning.domain.ActionRepository.WithAccount;
import io.kam.planning.domain.WorkList;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class WorkListResource {

  private final WorkList workList;
  private final Cursors cursors;
  private final KamClock clock;

  public WorkListResource(WorkList workList, Cursors cursors, KamClock clock) {
    this.workList = workList;
    this.cursors = cursors;
    this.clock = clock;
  }

  @GET
  @Operation(
      summary =
          "A work list: actions across open plans by due date; without ownerId the caller's own,"
              + " ownerId=<user> someone else's and ownerId=* everyone's (both for kam-manager,"
              + " admin, viewer and integration; a kam gets 403); overdue=true: due before today"
              + " and not DONE/CANCELLED")
  @APIResponse(
      responseCode = "200",
      description = "The work list, a page",
      content = @Content(schema = @Schema(implementation = PageSchemas.ActionPage.class)))
  @APIResponse(
      responseCode = "403",
      description = "a kam asking for another user's or everyone's actions")
  public Page<ActionView> list(
      @Parameter(
              description =
                  "whose actions: absent = the caller's own, * = everyone's, else a user id",
              schema = @Schema(type = SchemaType.STRING, maxLength = 200))
          @QueryParam("ownerId")
          String ownerId,
      @QueryParam("overdue") String overdue,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    String owner = workList.ownerFor(ownerId);
    String scope =
        Cursors.scope(
            "GET /api/v1/actions", "ownerId", owner == null ? "*" : owner, "overdue", overdue);
    PageRequest page = PageRequest.of(cursors, scope, limit, cursor);
    String afterDue = page.after("d");
    String afterId = page.after("id");
    List<WithAccount> rows =
        workList.page(
            owner,
            QueryParams.optionalBool("overdue", overdue),
            afterDue == null ? null : LocalDate.parse(afterDue),
            afterId == null ? null : UUID.fromString(afterId),
            page.fetchSize());
    LocalDate today = clock.today();
    return page.of(
        rows,
        i -> Map.of("d", i.action().dueDate.toString(), "id", i.action().id.toString()),
        i -> PlanMapper.view(i.action(), i.accountId(), today));
  }
}
