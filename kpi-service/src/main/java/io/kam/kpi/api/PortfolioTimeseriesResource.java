package io.kam.kpi.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.security.Roles;
import io.kam.chassis.time.KamClock;
import io.kam.kpi.domain.calc.PortfolioKpis;
import io.kam.kpi.domain.kpi.PortfolioKpiService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The portfolio KPIs of a segment period by period. */
@Path("/api/v1/portfolio/kpis/timeseries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpi")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class PortfolioTimeseriesResource {

  /** Each period is one facts query over the segment: the range is bounded. */
  static final int MAX_PERIODS = 60;

  /** GET /api/v1/portfolio/kpis/timeseries. */
  @Schema(name = "PortfolioTimeseries")
  public record Series(
      @Schema(enumeration = {"MONTH", "QUARTER", "YEAR"}) String granularity,
      @Schema(maxItems = MAX_PERIODS) List<PortfolioKpis> items) {}

  private final PortfolioKpiService portfolio;
  private final KamClock clock;

  public PortfolioTimeseriesResource(PortfolioKpiService portfolio, KamClock clock) {
    this.portfolio = portfolio;
    this.clock = clock;
  }

  @GET
  @Operation(
      summary =
          "The portfolio KPIs of a segment for every period from..to (months, default the last"
              + " 12), each as GET /api/v1/portfolio/kpis computes it; at most 60 periods")
  @APIResponse(
      responseCode = "200",
      description = "One item per period, oldest first",
      content = @Content(schema = @Schema(implementation = Series.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed months, range, granularity, tier or type; more than 60 periods")
  public Series get(
      @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$"))
          @QueryParam("from")
          String from,
      @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$"))
          @QueryParam("to")
          String to,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"MONTH", "QUARTER", "YEAR"}))
          @QueryParam("granularity")
          String granularity,
      @QueryParam("ownerId") String ownerId,
      @QueryParam("tier") String tier,
      @QueryParam("type") String type,
      @QueryParam("industry") String industry,
      @QueryParam("country") String country,
      @QueryParam("region") String region) {
    PeriodRange range = PeriodRange.of(from, to, granularity, clock.currentMonth().minusMonths(1));
    if (range.periods() > MAX_PERIODS) {
      throw QueryParams.bad(
          "from",
          "at most " + MAX_PERIODS + " periods, was " + range.periods() + "; narrow from..to");
    }
    return new Series(
        range.kind().name(),
        portfolio.timeseries(
            range.first(),
            range.last(),
            SegmentParams.of(ownerId, tier, type, industry, country, region)));
  }
}
