package io.kam.scoring.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Roles;
import io.kam.scoring.domain.Movement;
import io.kam.scoring.domain.PortfolioSummaryQuery;
import io.kam.scoring.domain.PortfolioSummaryQuery.Counts;
import io.kam.scoring.domain.PortfolioSummaryQuery.MovedAccount;
import io.kam.scoring.domain.PortfolioSummaryQuery.Segment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/portfolio/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scores")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class PortfolioSummaryResource {

  private static final String PATH = "/api/v1/portfolio/summary";

  /** Accounts of each movement shown in the summary itself. */
  static final int FIRST_PAGE = 10;

  private final PortfolioSummaryQuery query;
  private final Cursors cursors;

  public PortfolioSummaryResource(PortfolioSummaryQuery query, Cursors cursors) {
    this.query = query;
    this.cursors = cursors;
  }

  @GET
  @Operation(
      summary = "Counts by tier, type and risk, and what moved since the previous month end",
      description =
          "The scored accounts of a segment (every filter narrows it). Movements compare each"
              + " account now with its last score-history entry before the first instant of the"
              + " current UTC month: entered KEY, left KEY (effective tier) and risk raised; each"
              + " with its first accounts and a cursor for .../summary/movements")
  @APIResponse(
      responseCode = "200",
      description = "The portfolio summary",
      content = @Content(schema = @Schema(implementation = PortfolioSummaryView.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad filter",
      content = @Content(mediaType = "application/problem+json"))
  public PortfolioSummaryView summary(
      @QueryParam("ownerId") String ownerId,
      @QueryParam("industry") String industry,
      @QueryParam("country") String country,
      @QueryParam("region") String region) {
    Segment segment = segment(ownerId, industry, country, region);
    Counts c = query.counts(segment);
    Map<String, Long> t = c.byTier();
    Map<String, Long> y = c.byType();
    Map<String, Long> r = c.byRisk();
    return new PortfolioSummaryView(
        query.since(),
        c.accounts(),
        new PortfolioSummaryView.TierCounts(t.get("KEY"), t.get("DEVELOPING"), t.get("STANDARD")),
        new PortfolioSummaryView.TypeCounts(
            y.get("STRATEGIC"), y.get("HIGH_GROWTH"), y.get("STABLE"), y.get("TACTICAL")),
        new PortfolioSummaryView.RiskCounts(r.get("LOW"), r.get("MEDIUM"), r.get("HIGH")),
        new PortfolioSummaryView.Movements(
            movement(segment, Movement.ENTERED_KEY, c),
            movement(segment, Movement.LEFT_KEY, c),
            movement(segment, Movement.RISK_RAISED, c)));
  }

  @GET
  @Path("/movements")
  @Operation(
      summary = "The accounts behind one movement of the portfolio summary, by name",
      description = "kind: ENTERED_KEY, LEFT_KEY or RISK_RAISED; the same segment filters")
  @APIResponse(
      responseCode = "200",
      description = "The accounts that moved, a page",
      content = @Content(schema = @Schema(implementation = PageSchemas.MovedAccountPage.class)))
  @APIResponse(
      responseCode = "400",
      description = "A bad kind, filter, limit or cursor",
      content = @Content(mediaType = "application/problem+json"))
  public Page<PortfolioSummaryView.MovedAccountView> movements(
      @QueryParam("kind") String kind,
      @QueryParam("ownerId") String ownerId,
      @QueryParam("industry") String industry,
      @QueryParam("country") String country,
      @QueryParam("region") String region,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Movement m = QueryParams.enumValue("kind", kind, Movement.class);
    if (m == null) {
      throw QueryParams.bad("kind", "must be one of ENTERED_KEY, LEFT_KEY, RISK_RAISED");
    }
    Segment segment = segment(ownerId, industry, country, region);
    return page(segment, m, PageRequest.of(cursors, scope(segment, m), limit, cursor));
  }

  private PortfolioSummaryView.MovementView movement(Segment segment, Movement m, Counts c) {
    PageRequest first =
        PageRequest.of(cursors, scope(segment, m), String.valueOf(FIRST_PAGE), null);
    Page<PortfolioSummaryView.MovedAccountView> page = page(segment, m, first);
    return new PortfolioSummaryView.MovementView(
        m, c.movements().get(m), page.items(), page.nextCursor(), href(segment, m));
  }

  private Page<PortfolioSummaryView.MovedAccountView> page(
      Segment segment, Movement m, PageRequest page) {
    UUID afterId = page.isFirst() ? null : QueryParams.requiredUuid("cursor", page.after("id"));
    return page.of(
        query.moved(segment, m, page.after("name"), afterId, page.fetchSize()),
        last -> Map.of("name", last.sortKey(), "id", last.id().toString()),
        PortfolioSummaryResource::view);
  }

  private static PortfolioSummaryView.MovedAccountView view(MovedAccount a) {
    return new PortfolioSummaryView.MovedAccountView(
        a.id(),
        a.name(),
        a.ownerId(),
        a.score(),
        a.tier(),
        a.previousTier(),
        a.risk(),
        a.previousRisk());
  }

  private static Segment segment(String ownerId, String industry, String country, String region) {
    return new Segment(text(ownerId), text(industry), text(country), text(region));
  }

  private static String scope(Segment s, Movement m) {
    return Cursors.scope(
        "GET " + PATH + "/movements",
        "kind",
        m.name(),
        "ownerId",
        s.ownerId(),
        "industry",
        s.industry(),
        "country",
        s.country(),
        "region",
        s.region());
  }

  private static String href(Segment s, Movement m) {
    StringBuilder href = new StringBuilder(PATH + "/movements?kind=" + m.name());
    param(href, "ownerId", s.ownerId());
    param(href, "industry", s.industry());
    param(href, "country", s.country());
    param(href, "region", s.region());
    return href.toString();
  }

  private static void param(StringBuilder href, String name, String value) {
    if (value != null) {
      href.append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private static String text(String raw) {
    return raw == null || raw.isBlank() ? null : raw.trim();
  }
}
