package io.kam.planning.api;

import io.kam.chassis.http.Idempotency;
import io.kam.chassis.input.QueryParams;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.planning.api.PartRequests.ReviewRequest;
import io.kam.planning.domain.Review;
import io.kam.planning.domain.ReviewService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/plans/{planId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
public class ReviewResource {

  private final ReviewService reviews;
  private final Idempotency idempotency;
  private final Caller caller;

  public ReviewResource(ReviewService reviews, Idempotency idempotency, Caller caller) {
    this.reviews = reviews;
    this.idempotency = idempotency;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.KAM, Roles.KAM_MANAGER, Roles.ADMIN})
  @Operation(
      summary =
          "Review a live plan: next review = now + reviewEveryDays; UNDER_REVIEW returns to ACTIVE"
              + " (under review for HIGH_RISK: only by a kam-manager's or admin's review; another"
              + " writer's is recorded and the plan stays UNDER_REVIEW)")
  @APIResponse(responseCode = "201", description = "reviewed")
  @APIResponse(responseCode = "409", description = "the plan is not ACTIVE or UNDER_REVIEW")
  public RestResponse<PlanViews.ReviewView> create(
      @PathParam("planId") String rawPlanId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull ReviewRequest req) {
    UUID planId = QueryParams.requiredUuid("planId", rawPlanId);
    return TypedResponses.of(
        idempotency.run(
            key,
            caller.origin() + " POST /api/v1/plans/" + planId + "/reviews",
            req,
            () -> {
              Review r = reviews.add(planId, req.command());
              return Response.created(URI.create("/api/v1/plans/" + planId + "/reviews/" + r.id))
                  .entity(PlanMapper.view(r))
                  .build();
            }));
  }

  @GET
  @Operation(summary = "The reviews of a plan, oldest first")
  public Items<PlanViews.ReviewView> list(@PathParam("planId") String rawPlanId) {
    UUID planId = QueryParams.requiredUuid("planId", rawPlanId);
    return new Items<>(reviews.list(planId).stream().map(PlanMapper::view).toList());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One review")
  public PlanViews.ReviewView get(
      @PathParam("planId") String rawPlanId, @PathParam("id") String rawId) {
    UUID planId = QueryParams.requiredUuid("planId", rawPlanId);
    UUID id = QueryParams.requiredUuid("id", rawId);
    return PlanMapper.view(reviews.get(planId, id));
  }
}
