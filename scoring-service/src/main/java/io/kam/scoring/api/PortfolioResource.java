package io.kam.scoring.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Roles;
import io.kam.chassis.time.KamClock;
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
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class PortfolioResource {

  private final ScoreQueries queries;
  private final Cursors cursors;
  private final KamClock clock;

  public PortfolioResource(ScoreQueries queries, Cursors cursors, KamClock clock) {
    this.queries = queries;
    this.cursors = cursors;
    this.clock = clock;
  }

  @GET
  @Operation(
      summary = "The ranked portfolio, each account with its name and owner",
      description = "sort: -score (default), score or name; tier filters the effective tier")
  public Page<PortfolioItemView> list(
      @QueryParam("tier") String tier,
      @QueryParam("type") String type,
      @QueryParam("risk") String risk,
      @QueryParam("ownerId") String ownerId,
      @QueryParam("updatedSince") String updatedSince,
      @QueryParam("sort") String sort,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Sort order = sortOf(sort);
    var filter =
        new ScoreQueries.Filter(
            nameOf(QueryParams.enumValue("tier", tier, Tier.class)),
            nameOf(QueryParams.enumValue("type", type, AccountType.class)),
            nameOf(QueryParams.enumValue("risk", risk, DefectionRisk.class)),
            ownerId == null || ownerId.isBlank() ? null : ownerId,
            QueryParams.instant("updatedSince", updatedSince));
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
            order.name());
    PageRequest page = PageRequest.of(cursors, scope, limit, cursor);
    Position after =
        page.isFirst()
            ? null
            : new Position(page.after("key"), QueryParams.requiredUuid("cursor", page.after("id")));
    LocalDate today = clock.today();
    return page.of(
        queries.portfolio(filter, order, after, page.fetchSize()),
        last ->
            Map.of("sort", order.name(), "key", last.sortKey(), "id", last.account().id.toString()),
        (Row r) -> ScoreMapper.item(r.account(), today));
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
