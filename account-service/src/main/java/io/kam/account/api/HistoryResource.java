package io.kam.account.api;

import io.kam.account.domain.AccountHistory;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/accounts/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class HistoryResource {

  private final AccountHistory history;
  private final Cursors cursors;

  public HistoryResource(AccountHistory history, Cursors cursors) {
    this.history = history;
    this.cursors = cursors;
  }

  @GET
  @Operation(summary = "Audit trail of the account, newest first: who, when, field, from, to")
  public Page<AccountHistory.Entry> page(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    UUID account = QueryParams.uuid("id", id);
    PageRequest page =
        PageRequest.of(
            cursors, Cursors.scope("GET /api/v1/accounts/" + account + "/history"), limit, cursor);
    Long beforeId =
        QueryParams.longValue("cursor", page.after("before"), "a cursor this API issued");
    return page.of(
        history.page(account, beforeId, page.fetchSize()),
        last -> Map.of("before", String.valueOf(last.id())));
  }
}
