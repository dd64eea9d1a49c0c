package io.kam.planning.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kam.chassis.http.Idempotency;
import io.kam.chassis.http.MergePatch;
import io.kam.chassis.http.Preconditions;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.paging.Cursors;
import io.kam.chassis.paging.Page;
import io.kam.chassis.paging.PageRequest;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.chassis.time.KamClock;
import io.kam.planning.api.PlanViews.PlanSummary;
import io.kam.planning.api.PlanViews.PlanView;
import io.kam.planning.domain.Plan;
import io.kam.planning.domain.PlanDetails;
import io.kam.planning.domain.PlanRepository;
import io.kam.planning.domain.PlanRollups;
import io.kam.planning.domain.PlanService;
import io.kam.planning.domain.PlanStatus;
import io.kam.planning.domain.PlanTransition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class PlanResource {

  private static final Set<String> READ_ONLY =
      Set.of(
          "id",
          "status",
          "reviewReason",
          "version",
          "createdAt",
          "updatedAt",
          "objectives",
          "actions",
          "risks",
          "opportunities",
          "weightedPipeline");

  private final PlanService plans;
  private final Idempotency idempotency;
  private final Cursors cursors;
  private final Caller caller;
  private final MergePatches patches;
  private final KamClock clock;

  public PlanResource(
      PlanService plans,
      Idempotency idempotency,
      Cursors cursors,
      Caller caller,
      MergePatches patches,
      KamClock clock) {
    this.plans = plans;
    this.idempotency = idempotency;
    this.cursors = cursors;
    this.caller = caller;
    this.patches = patches;
    this.clock = clock;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Create a DRAFT plan for a known account")
  @APIResponse(responseCode = "201", description = "created")
  @APIResponse(responseCode = "409", description = "the account already has a DRAFT plan")
  @APIResponse(
      responseCode = "422",
      description = "invalid fields, or the account is unknown or deleted")
  public RestResponse<PlanView> create(
      @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull PlanRequest req) {
    return TypedResponses.of(
        idempotency.run(
            key,
            caller.origin() + " POST /api/v1/plans",
            req,
            () -> {
              PlanDetails d = plans.create(req.command());
              return Response.created(URI.create("/api/v1/plans/" + d.plan().id))
                  .header("ETag", Preconditions.etag(d.plan().version))
                  .entity(PlanMapper.view(d, clock.today()))
                  .build();
            }));
  }

  @GET
  @Operation(
      summary =
          "List plans (summaries with the account name, objectives roll-up and weighted pipeline),"
              + " oldest first; dueForReview=true: live plans whose review is due")
  public Page<PlanSummary> list(
      @QueryParam("accountId") String accountId,
      @QueryParam("ownerId") String ownerId,
      @QueryParam("status") String status,
      @QueryParam("dueForReview") String dueForReview,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    String scope =
        Cursors.scope(
            "GET /api/v1/plans",
            "accountId",
            accountId,
            "ownerId",
            ownerId,
            "status",
            status,
            "dueForReview",
            dueForReview);
    PageRequest page = PageRequest.of(cursors, scope, limit, cursor);
    PlanRepository.Filter filter =
        new PlanRepository.Filter(
            QueryParams.uuid("accountId", accountId),
            ownerId,
            QueryParams.enumValue("status", status, PlanStatus.class),
            QueryParams.bool("dueForReview", dueForReview),
            clock.now());
    String afterCreated = page.after("c");
    String afterId = page.after("id");
    List<Plan> rows =
        plans.page(
            filter,
            afterCreated == null ? null : Instant.parse(afterCreated),
            afterId == null ? null : UUID.fromString(afterId),
            page.fetchSize());
    Map<UUID, PlanRollups.Rollup> rollups = plans.rollups(rows.stream().map(p -> p.id).toList());
    return page.of(
        rows,
        p -> Map.of("c", p.createdAt.toString(), "id", p.id.toString()),
        p -> PlanMapper.summary(p, rollups.get(p.id)));
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary =
          "One plan with its objectives, actions, risks (by severity), opportunities and weighted pipeline")
  public RestResponse<PlanView> get(@PathParam("id") String rawId) {
    UUID id = QueryParams.requiredUuid("id", rawId);
    return ok(plans.get(id));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Change a plan (merge patch; status changes through the transitions)")
  @APIResponse(responseCode = "412", description = "If-Match is stale")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public RestResponse<PlanView> patch(
      @PathParam("id") String rawId, @HeaderParam("If-Match") String ifMatch, JsonNode patch)
      throws JsonProcessingException {
    UUID id = QueryParams.requiredUuid("id", rawId);
    // Authorization first: a caller who may not write gets 403, never a 422, 428 or 412.
    plans.checkWritable(id);
    // If-Match is checked by the service after authorization (a caller who may not write gets 403,
    // not
    // 412), and the merge is computed there on the locked plan, never on an earlier read.
    return ok(
        plans.update(
            id,
            ifMatch,
            plan ->
                patches
                    .apply(PlanMapper.editable(plan), patch, PlanRequest.class, READ_ONLY)
                    .command()));
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Delete a plan and its parts")
  public void delete(@PathParam("id") String rawId, @HeaderParam("If-Match") String ifMatch) {
    UUID id = QueryParams.requiredUuid("id", rawId);
    plans.delete(id, ifMatch);
  }

  @POST
  @Path("/{id}/activate")
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "DRAFT -> ACTIVE; 409 while the account has a live plan")
  @APIResponse(
      responseCode = "409",
      description = "not DRAFT, or the account already has a live plan")
  public RestResponse<PlanView> activate(
      @PathParam("id") String rawId, @HeaderParam("If-Match") String ifMatch) {
    UUID id = QueryParams.requiredUuid("id", rawId);
    return ok(plans.transition(id, ifMatch, PlanTransition.ACTIVATE));
  }

  @POST
  @Path("/{id}/submit-for-review")
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "ACTIVE -> UNDER_REVIEW (a review returns it to ACTIVE)")
  @APIResponse(responseCode = "409", description = "the plan is not ACTIVE")
  public RestResponse<PlanView> submitForReview(
      @PathParam("id") String rawId, @HeaderParam("If-Match") String ifMatch) {
    UUID id = QueryParams.requiredUuid("id", rawId);
    return ok(plans.transition(id, ifMatch, PlanTransition.SUBMIT_FOR_REVIEW));
  }

  @POST
  @Path("/{id}/complete")
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "ACTIVE or UNDER_REVIEW -> COMPLETED")
  @APIResponse(responseCode = "409", description = "the plan is not live")
  public RestResponse<PlanView> complete(
      @PathParam("id") String rawId, @HeaderParam("If-Match") String ifMatch) {
    UUID id = QueryParams.requiredUuid("id", rawId);
    return ok(plans.transition(id, ifMatch, PlanTransition.COMPLETE));
  }

  @POST
  @Path("/{id}/archive")
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(summary = "Any status but ARCHIVED -> ARCHIVED")
  @APIResponse(responseCode = "409", description = "the plan is already ARCHIVED")
  public RestResponse<PlanView> archive(
      @PathParam("id") String rawId, @HeaderParam("If-Match") String ifMatch) {
    UUID id = QueryParams.requiredUuid("id", rawId);
    return ok(plans.transition(id, ifMatch, PlanTransition.ARCHIVE));
  }

  private RestResponse<PlanView> ok(PlanDetails d) {
    return RestResponse.ResponseBuilder.ok(PlanMapper.view(d, clock.today()))
        .header("ETag", Preconditions.etag(d.plan().version))
        .build();
  }
}
