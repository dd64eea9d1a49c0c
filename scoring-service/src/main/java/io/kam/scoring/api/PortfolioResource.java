package io.kam.scoring.api;

import io.kam.chassis.input.InputRules;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.scoring.domain.ScoreQueries;
import io.kam.scoring.domain.ScoreQueries.Position;
import io.kam.scoring.domain.ScoreQueries.Row;
import io.kam.scoring.domain.ScoreQueries.Sort;
import io.kam.scoring.domain.calc.AccountType;
import io.kam.scoring.domain.calc.DefectionRisk;
import io.kam.scoring.domain.calc.Tier;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class PortfolioResource {

  private final ScoreQueries queries;
  private final Cursors cursors;
  private final ScoreViews views;
  private final Caller caller;

  public PortfolioResource(ScoreQueries queries, Cursors cursors, ScoreViews views, Caller caller) {
    this.queries = queries;
    this.cursors = cursors;
    this.views = views;
    this.caller = caller;
  }

  @GET
  @Operation(
      summary = "The ranked portfolio, each account with its name and owner",
      description =
          "sort: -score (default), score or name; tier filters the effective tier; mine=true:"
              + " the accounts the caller owns or is on the team of; accountIds: only these"
              + " accounts (1..500 comma-separated ids, unknown ones absent); filters combine")
  @APIResponse(
      responseCode = "200",
      description = "The ranked portfolio, a page",
      content = @Content(schema = @Schema(implementation = PageSchemas.PortfolioItemPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad filter, sort, limit, cursor or accountIds list",
      content = @Content(mediaType = "application/problem+json"))
  public Page<PortfolioItemView> list(
      @QueryParam("mine") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String mine,
      @QueryParam("accountIds")
          @Parameter(
              description = "1..500 comma-separated account ids",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      maxLength = InputRules.MAX_ID_LIST_PARAM_LENGTH))
          String accountIds,
      @QueryParam("tier") String tier,
      @QueryParam("type") String type,
      @QueryParam("risk") String risk,
      @QueryParam("ownerId") String ownerId,
      @QueryParam("updatedSince") String updatedSince,
      @QueryParam("sort") String sort,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    if (accountIds == null && uri.getQueryParameters().containsKey("accountIds")) {
      accountIds = ""; // "?accountIds" without a value: a list of no ids, which is a 400
    }
    Sort order = sortOf(sort);
    var filter =
        new ScoreQueries.Filter(
            nameOf(QueryParams.enumValue("tier", tier, Tier.class)),
            nameOf(QueryParams.enumValue("type", type, AccountType.class)),
            nameOf(QueryParams.enumValue("risk", risk, DefectionRisk.class)),
            ownerId == null || ownerId.isBlank() ? null : ownerId,
            QueryParams.instant("updatedSince", updatedSince),
            QueryParams.bool("mine", mine) ? caller.userId() : null,
            AccountIds.parse(accountIds));
    String scope =
        Cursors.scope(
            "GET /api/v1/scores",
            "tier",
            tier,
            "type",
            type,
            "risk",
            risk,
            "ownerId",
            ownerId,
            "updatedSince",
            updatedSince,
            "sort",
            order.name(),
            "mine",
            mine,
            "accountIds",
            accountIds);
    PageRequest page = PageRequest.of(cursors, scope, limit, cursor);
    Position after =
        page.isFirst()
            ? null
            : new Position(page.after("key"), QueryParams.requiredUuid("cursor", page.after("id")));
    List<Row> rows = queries.portfolio(filter, order, after, page.fetchSize());
    var item = views.items(rows.stream().map(Row::account).toList());
    return page.of(
        rows,
        last ->
            Map.of("sort", order.name(), "key", last.sortKey(), "id", last.account().id.toString()),
        (Row r) -> item.apply(r.account()));
  }

  private static String nameOf(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static Sort sortOf(String raw) {
    if (raw == null || raw.isBlank() || raw.equals("-score")) {
      return Sort.SCORE_DESC;
    }
    return switch (raw) {
      case "score" -> Sort.SCORE_ASC;
      case "name" -> Sort.NAME;
      default -> throw QueryParams.bad("sort", "must be one of -score, score, name");
    };
  }
}
