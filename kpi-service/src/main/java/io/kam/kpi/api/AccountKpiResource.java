package io.kam.kpi.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.security.Roles;
import io.kam.chassis.time.KamClock;
import io.kam.kpi.domain.calc.AccountKpis;
import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.kpi.AccountKpiService;
import io.kam.kpi.domain.snapshot.SnapshotReads;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/accounts/{id}/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpi")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class AccountKpiResource {

  /** A timeseries spans at most this many months (100 years). */
  static final int MAX_SPAN_MONTHS = 1200;

  private final AccountKpiService kpis;
  private final SnapshotReads snapshots;
  private final KamClock clock;

  public AccountKpiResource(AccountKpiService kpis, SnapshotReads snapshots, KamClock clock) {
    this.kpis = kpis;
    this.snapshots = snapshots;
    this.clock = clock;
  }

  @GET
  @Operation(summary = "The account's KPIs for a period (default: the last complete quarter)")
  @APIResponse(
      responseCode = "200",
      description = "The KPIs with the freshness of the account's inputs",
      content = @Content(schema = @Schema(implementation = AccountKpis.class)))
  @APIResponse(responseCode = "400", description = "Malformed period or id")
  @APIResponse(responseCode = "404", description = "Unknown or deleted account")
  public AccountKpis get(
      @PathParam("id") String id,
      @QueryParam("period") String period,
      @QueryParam("includeChildren") String includeChildren) {
    return kpis.kpis(
        accountId(id),
        PeriodParam.of(period, Period.defaultFor(clock.now())),
        QueryParams.bool("includeChildren", includeChildren));
  }

  @GET
  @Path("/snapshot")
  @Operation(
      summary =
          "The KPI snapshot: the latest as published on kam.kpi.snapshot.v1, or as of a complete"
              + " month")
  @APIResponse(
      responseCode = "200",
      description = "The snapshot with the freshness of its inputs",
      content = @Content(schema = @Schema(implementation = KpiSnapshotView.class)))
  @APIResponse(responseCode = "400", description = "Malformed month or id")
  @APIResponse(responseCode = "404", description = "Unknown or deleted account")
  @APIResponse(responseCode = "422", description = "A month that is not complete yet")
  public KpiSnapshotView snapshot(
      @PathParam("id") String id,
      @Parameter(
              description = "a complete month like 2026-09; absent: the latest published snapshot",
              schema =
                  @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$", maxLength = 7))
          @QueryParam("month")
          String month) {
    UUID accountId = accountId(id);
    YearMonth asOf = QueryParams.month("month", month, null);
    return KpiSnapshotView.of(
        asOf == null ? snapshots.latest(accountId) : snapshots.asOf(accountId, asOf));
  }

  @GET
  @Path("/timeseries")
  @Operation(
      summary =
          "Revenue, revenueGrowth, yoyGrowth and t12mRevenue per period from..to (months, default"
              + " the last 12)")
  @APIResponse(
      responseCode = "200",
      description = "One item per period, oldest first",
      content = @Content(schema = @Schema(implementation = Timeseries.class)))
  @APIResponse(responseCode = "400", description = "Malformed months, range or granularity")
  @APIResponse(responseCode = "404", description = "Unknown or deleted account")
  public Timeseries timeseries(
      @PathParam("id") String id,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("granularity") String granularity,
      @QueryParam("includeChildren") String includeChildren) {
    UUID accountId = accountId(id);
    PeriodRange range = PeriodRange.of(from, to, granularity, clock.currentMonth().minusMonths(1));
    if (range.months() > MAX_SPAN_MONTHS) {
      throw QueryParams.bad("from", "a timeseries spans at most " + MAX_SPAN_MONTHS + " months");
    }
    return new Timeseries(
        accountId,
        range.kind().name(),
        kpis.timeseries(
            accountId,
            range.from(),
            range.to(),
            range.kind(),
            QueryParams.bool("includeChildren", includeChildren)));
  }

  private static UUID accountId(String raw) {
    return QueryParams.requiredUuid("id", raw);
  }
}
