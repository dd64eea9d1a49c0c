package io.kam.kpi.api;

import io.kam.chassis.security.Roles;
import io.kam.chassis.time.KamClock;
import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.calc.PortfolioKpis;
import io.kam.kpi.domain.kpi.PortfolioKpiService;
import io.kam.kpi.domain.kpi.Segment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/portfolio/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpi")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class PortfolioKpiResource {

  private final PortfolioKpiService portfolio;
  private final KamClock clock;

  public PortfolioKpiResource(PortfolioKpiService portfolio, KamClock clock) {
    this.portfolio = portfolio;
    this.clock = clock;
  }

  @GET
  @Operation(
      summary = "Portfolio KPIs over all accounts or a segment (current owner, tier, type, ...)")
  @APIResponse(
      responseCode = "200",
      description = "The portfolio KPIs of the segment",
      content = @Content(schema = @Schema(implementation = PortfolioKpis.class)))
  @APIResponse(responseCode = "400", description = "Malformed period, tier or type")
  public PortfolioKpis get(
      @QueryParam("period") String period,
      @QueryParam("ownerId") String ownerId,
      @QueryParam("tier") String tier,
      @QueryParam("type") String type,
      @QueryParam("industry") String industry,
      @QueryParam("country") String country,
      @QueryParam("region") String region) {
    Segment segment = SegmentParams.of(ownerId, tier, type, industry, country, region);
    return portfolio.kpis(PeriodParam.of(period, Period.defaultFor(clock.now())), segment);
  }
}
