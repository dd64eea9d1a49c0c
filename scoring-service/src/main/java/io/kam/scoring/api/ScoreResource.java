package io.kam.scoring.api;

import io.kam.chassis.http.Preconditions;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.security.Roles;
import io.kam.scoring.domain.ScoreHistoryEntry;
import io.kam.scoring.domain.ScoreQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/accounts/{id}/score")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class ScoreResource {

  private final ScoreQueries queries;
  private final Cursors cursors;
  private final ScoreViews views;

  public ScoreResource(ScoreQueries queries, Cursors cursors, ScoreViews views) {
    this.queries = queries;
    this.cursors = cursors;
    this.views = views;
  }

  @GET
  @Operation(
      summary = "The account's score, tiers, type, defection risk and breakdown",
      description =
          "explained: why the tier (tierExplanation), the figures behind the type"
              + " (typeExplanation), and how old the inputs are (freshness)")
  @APIResponse(
      responseCode = "200",
      description = "The score",
      content = @Content(schema = @Schema(implementation = ScoreView.class)))
  @APIResponse(responseCode = "404", description = "Unknown or not yet scored account")
  public Response score(@PathParam("id") String id) {
    ScoreView view = views.score(queries.scored(QueryParams.requiredUuid("id", id)));
    return Response.ok(view).header("ETag", Preconditions.etag(view.version())).build();
  }

  @GET
  @Path("/history")
  @Operation(summary = "Every change of the score, newest first")
  @APIResponse(
      responseCode = "200",
      description = "The score history, newest first, a page",
      content = @Content(schema = @Schema(implementation = PageSchemas.ScoreHistoryPage.class)))
  @APIResponse(responseCode = "404", description = "Unknown or not yet scored account")
  public Page<HistoryItemView> history(
      @PathParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    UUID account = QueryParams.requiredUuid("id", id);
    PageRequest page =
        PageRequest.of(
            cursors,
            Cursors.scope("GET /api/v1/accounts/" + account + "/score/history"),
            limit,
            cursor);
    Long before = QueryParams.longValue("cursor", page.after("before"), "a cursor this API issued");
    return page.of(
        queries.history(account, before, page.fetchSize()),
        last -> Map.of("before", String.valueOf(last.id)),
        ScoreMapper::history);
  }

  @GET
  @Path("/diff")
  @Operation(summary = "Why the score changed between two history entries (default: the last two)")
  @APIResponse(
      responseCode = "200",
      description = "What changed between the two history entries",
      content = @Content(schema = @Schema(implementation = DiffView.class)))
  @APIResponse(responseCode = "404", description = "Unknown account or history entry")
  public DiffView diff(
      @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
    UUID account = QueryParams.requiredUuid("id", id);
    Long fromId = QueryParams.longValue("from", from, "a history entry id");
    Long toId = QueryParams.longValue("to", to, "a history entry id");
    if (fromId != null && toId != null) {
      return ScoreMapper.diff(queries.entry(account, fromId), queries.entry(account, toId));
    }
    if (fromId != null || toId != null) {
      throw QueryParams.bad(fromId == null ? "from" : "to", "give both from and to, or neither");
    }
    List<ScoreHistoryEntry> lastTwo = queries.history(account, null, 2);
    if (lastTwo.size() < 2) {
      throw ProblemException.notFound("account " + account + " has fewer than two history entries");
    }
    return ScoreMapper.diff(lastTwo.get(1), lastTwo.get(0));
  }
}
