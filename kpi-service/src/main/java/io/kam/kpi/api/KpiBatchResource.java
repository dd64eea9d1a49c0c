package io.kam.kpi.api;

import io.kam.chassis.input.QueryParams;
import io.kam.chassis.security.Roles;
import io.kam.chassis.time.KamClock;
import io.kam.kpi.domain.calc.AccountKpis;
import io.kam.kpi.domain.calc.Period;
import io.kam.kpi.domain.kpi.AccountKpiService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The KPIs of a page of accounts in one call (the gateway's composed account list). */
@Path("/api/v1/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpi")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class KpiBatchResource {

  /** The most ids one call takes (the longest list page). */
  static final int MAX_IDS = 500;

  /** 500 UUIDs of 36 characters and their 499 commas. */
  static final int MAX_IDS_LENGTH = MAX_IDS * 37 - 1;

  /** The items of GET /api/v1/kpis. */
  @Schema(name = "AccountKpisBatch")
  public record Batch(@Schema(maxItems = MAX_IDS) List<AccountKpis> items) {}

  private final AccountKpiService kpis;
  private final KamClock clock;

  public KpiBatchResource(AccountKpiService kpis, KamClock clock) {
    this.kpis = kpis;
    this.clock = clock;
  }

  @GET
  @Operation(
      summary =
          "The KPIs of up to 500 accounts for a period, each as GET /api/v1/accounts/{id}/kpis"
              + " answers it; unknown or deleted accounts are absent")
  @APIResponse(
      responseCode = "200",
      description = "One item per known account, in the order asked",
      content = @Content(schema = @Schema(implementation = Batch.class)))
  @APIResponse(responseCode = "400", description = "Missing, malformed or too many ids; period")
  public Batch get(
      @Parameter(
              required = true,
              description = "1 to 500 account ids, comma-separated",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      pattern = "^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,499}$",
                      maxLength = MAX_IDS_LENGTH))
          @QueryParam("accountIds")
          String accountIds,
      @Parameter(
              description = "2026-09, 2026-Q3 or 2026; default the last complete quarter",
              schema = @Schema(type = SchemaType.STRING, maxLength = 7))
          @QueryParam("period")
          String period) {
    List<UUID> ids = ids(accountIds);
    return new Batch(kpis.batch(ids, PeriodParam.of(period, Period.defaultFor(clock.now()))));
  }

  static List<UUID> ids(String raw) {
    if (raw == null || raw.isBlank()) {
      throw QueryParams.bad("accountIds", "is required: 1 to " + MAX_IDS + " comma-separated ids");
    }
    String[] parts = raw.split(",", -1);
    if (parts.length > MAX_IDS) {
      throw QueryParams.bad("accountIds", "at most " + MAX_IDS + " ids, was " + parts.length);
    }
    List<UUID> ids = new ArrayList<>(parts.length);
    for (String part : parts) {
      ids.add(QueryParams.requiredUuid("accountIds", part.trim()));
    }
    return ids;
  }
}
