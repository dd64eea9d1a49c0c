package io.kam.planning.api;

import io.kam.chassis.security.Roles;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Limits;
import io.kam.chassis.paging.Page;
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
  @Operation(summary = "Actions across open plans by due date; overdue=true: due before today and not DONE/CANCELLED")
  public Page<ActionView> list(
      @QueryParam("ownerId") String ownerId,
      @QueryParam("overdue") String overdue,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    int size = Limits.of(limit);
    String scope = Cursors.scope("GET /api/v1/actions", "ownerId", ownerId, "overdue", overdue);
    Map<String, String> after = cursors.decode(scope, cursor);
    LocalDate afterDue = after.containsKey("d") ? LocalDate.parse(after.get("d")) : null;
    UUID afterId = after.containsKey("id") ? UUID.fromString(after.get("id")) : null;
    List<WithAccount> rows =
        workList.page(ownerId, Params.optionalBool("overdue", overdue), afterDue, afterId, size + 1);
    String next = null;
    if (rows.size() > size) {
      rows = rows.subList(0, size);
      WithAccount last = rows.get(size - 1);
      next = cursors.encode(scope, Map.of("d", last.action().dueDate.toString(), "id", last.action().id.toString()));
    }
    LocalDate today = clock.today();
    return new Page<>(rows.stream().map(i -> PlanMapper.view(i.action(), i.accountId(), today)).toList(), next);
  }
}
