package io.kam.scoring.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.scoring.domain.Freshness;
import io.kam.scoring.domain.StaleInput;
import io.kam.scoring.domain.StaleInputsQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scores/stale")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
public class StaleInputsResource {

  private final StaleInputsQuery query;
  private final Freshness freshness;
  private final Cursors cursors;
  private final Caller caller;

  public StaleInputsResource(
      StaleInputsQuery query, Freshness freshness, Cursors cursors, Caller caller) {
    this.query = query;
    this.freshness = freshness;
    this.cursors = cursors;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
  @Operation(
      summary = "Scored accounts with stale inputs, for the manager's review, by name",
      description =
          "Every read role reads it (as every other read): a kam sees only the accounts they own"
              + " or are on the team of, the other roles every account; input: only accounts"
              + " where this input is stale")
  @APIResponse(
      responseCode = "200",
      description = "Accounts with stale inputs, a page",
      content = @Content(schema = @Schema(implementation = PageSchemas.StaleInputsPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad input, limit or cursor",
      content = @Content(mediaType = "application/problem+json"))
  public Page<StaleInputsView> list(
      @QueryParam("ownerId") String ownerId,
      @QueryParam("input") String input,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    StaleInput only = QueryParams.enumValue("input", input, StaleInput.class);
    String owner = ownerId == null || ownerId.isBlank() ? null : ownerId.trim();
    // A kam reviews their own book; the roles that read the whole portfolio read it whole here too.
    String member =
        caller.hasAnyRole(Roles.KAM_MANAGER, Roles.ADMIN, Roles.VIEWER, Roles.INTEGRATION)
            ? null
            : caller.userId();
    String scope =
        Cursors.scope(
            "GET /api/v1/scores/stale",
            "ownerId",
            owner,
            "input",
            only == null ? null : only.name(),
            "member",
            member);
    PageRequest page = PageRequest.of(cursors, scope, limit, cursor);
    List<StaleInputsQuery.Row> rows =
        query.page(
            new StaleInputsQuery.Filter(owner, only, member),
            page.after("name"),
            page.isFirst() ? null : QueryParams.requiredUuid("cursor", page.after("id")),
            page.fetchSize());
    return page.of(
        rows, last -> Map.of("name", last.sortKey(), "id", last.id().toString()), this::view);
  }

  private StaleInputsView view(StaleInputsQuery.Row r) {
    Freshness.State f = freshness.of(r.lastRevenueMonth(), r.lastSurveyDate(), r.assessedAt());
    return new StaleInputsView(
        r.id(),
        r.name(),
        r.ownerId(),
        f.stale().stream()
            .map(s -> new StaleInputsView.Stale(s.input(), s.last(), s.ageMonths()))
            .toList());
  }
}
