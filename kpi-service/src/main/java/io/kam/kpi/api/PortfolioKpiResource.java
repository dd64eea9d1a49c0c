package io.kam.kpi.api;

import io.kam.chassis.input.QueryParams;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/portfolio/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpi")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class PortfolioKpiResource {

  static final Set<String> TIERS = Set.of("KEY", "DEVELOPING", "STANDARD");
  static final Set<String> TYPES = Set.of("STRATEGIC", "STABLE", "HIGH_GROWTH", "TACTICAL");

  private final PortfolioKpiService portfolio;
  private final KamClock clock;

  public PortfolioKpiResource(PortfolioKpiService portfolio, KamClock clock) {
    this.portfolio = portfolio;
    this.clock = clock;
  }

  @GET
  @Operation(
      summary = "Portfolio KPIs over all accounts or a segment (current owner, tier, type, ...)")
  @APIResponse(responseCode = "400", description = "Malformed period, tier or type")
  public PortfolioKpis get(
      @QueryParam("period") String period,
      @QueryParam("ownerId") String ownerId,
      @QueryParam("tier") String tier,
      @QueryParam("type") String type,
      @QueryParam("industry") String industry,
      @QueryParam("country") String country,
      @QueryParam("region") String region) {
    Segment segment =
        new Segment(
            QueryParams.text(ownerId),
            QueryParams.oneOf("tier", tier, TIERS),
            QueryParams.oneOf("type", type, TYPES),
            QueryParams.text(industry),
            QueryParams.text(country),
            QueryParams.text(region));
    return portfolio.kpis(PeriodParam.of(period, Period.defaultFor(clock.now())), segment);
  }
}
