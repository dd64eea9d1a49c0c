package io.kam.kpi.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Roles;
import io.kam.chassis.time.KamClock;
import io.kam.kpi.domain.account.AccountRepository;
import io.kam.kpi.domain.account.AccountRow;
import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.calc.PortfolioSets;
import io.kam.kpi.domain.kpi.PortfolioKpiService;
import io.kam.kpi.domain.kpi.Segment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.HashMap;
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

/** The portfolio drill-down: the accounts behind each count of GET /api/v1/portfolio/kpis. */
@Path("/api/v1/portfolio/kpis/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpi")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class PortfolioAccountsResource {

  private final PortfolioKpiService portfolio;
  private final AccountRepository accounts;
  private final Cursors cursors;
  private final KamClock clock;

  public PortfolioAccountsResource(
      PortfolioKpiService portfolio, AccountRepository accounts, Cursors cursors, KamClock clock) {
    this.portfolio = portfolio;
    this.accounts = accounts;
    this.cursors = cursors;
    this.clock = clock;
  }

  @GET
  @Operation(
      summary =
          "The accounts behind activeAccounts, newAccounts, churnedAccounts or the top 20 % of"
              + " GET /api/v1/portfolio/kpis for the same period and segment, largest figure first")
  @APIResponse(
      responseCode = "200",
      description = "A page of the set; total is the count the portfolio KPIs show",
      content = @Content(schema = @Schema(implementation = PortfolioAccountsPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "Missing or malformed metric, period, tier, type, limit or cursor")
  public PortfolioAccountsPage get(
      @Parameter(
              required = true,
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"ACTIVE", "NEW", "CHURNED", "TOP20"}))
          @QueryParam("metric")
          String metric,
      @QueryParam("period") String period,
      @QueryParam("ownerId") String ownerId,
      @QueryParam("tier") String tier,
      @QueryParam("type") String type,
      @QueryParam("industry") String industry,
      @QueryParam("country") String country,
      @QueryParam("region") String region,
      @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
          @QueryParam("limit")
          String limit,
      @QueryParam("cursor") String cursor) {
    if (metric == null || metric.isBlank()) {
      throw QueryParams.bad("metric", "is required: ACTIVE, NEW, CHURNED or TOP20");
    }
    PortfolioSets.Metric which =
        QueryParams.enumValue("metric", metric, PortfolioSets.Metric.class);
    Period p = PeriodParam.of(period, Period.defaultFor(clock.now()));
    Segment segment = SegmentParams.of(ownerId, tier, type, industry, country, region);
    PageRequest page =
        PageRequest.of(
            cursors,
            Cursors.scope(
                "GET /api/v1/portfolio/kpis/accounts",
                "metric",
                which.name(),
                "period",
                p.toString(),
                "ownerId",
                segment.ownerId(),
                "tier",
                segment.tier(),
                "type",
                segment.type(),
                "industry",
                segment.industry(),
                "country",
                segment.country(),
                "region",
                segment.region()),
            limit,
            cursor);
    List<PortfolioSets.Member> members = portfolio.members(p, segment, which);
    List<PortfolioSets.Member> rest = after(members, page);
    List<PortfolioSets.Member> fetched = rest.subList(0, Math.min(rest.size(), page.fetchSize()));
    Map<UUID, AccountRow> rows = new HashMap<>();
    accounts
        .findLive(fetched.stream().map(PortfolioSets.Member::accountId).toList())
        .forEach(a -> rows.put(a.id(), a));
    var result =
        page.of(
            fetched,
            m -> Map.of("revenue", m.revenue().toPlainString(), "id", m.accountId().toString()),
            m -> PortfolioAccountsPage.Item.of(m, rows.get(m.accountId()), p, which));
    return new PortfolioAccountsPage(
        p.toString(), which.name(), members.size(), result.items(), result.nextCursor());
  }

  /** The members after the cursor's position (same order: figure descending, then id). */
  private static List<PortfolioSets.Member> after(
      List<PortfolioSets.Member> members, PageRequest page) {
    if (page.isFirst()) {
      return members;
    }
    PortfolioSets.Member last;
    try {
      last =
          new PortfolioSets.Member(
              UUID.fromString(page.after("id")), new BigDecimal(page.after("revenue")));
    } catch (RuntimeException e) {
      throw QueryParams.bad("cursor", "not a cursor this list issued");
    }
    return members.stream().filter(m -> PortfolioSets.ORDER.compare(m, last) > 0).toList();
  }
}
