package io.kam.planning.api;

import io.kam.chassis.http.Idempotency;
import io.kam.chassis.security.Caller;
import io.kam.planning.api.PartRequests.OpportunityRequest;
import io.kam.planning.api.PlanViews.OpportunityView;
import io.kam.planning.domain.OpportunityService;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The opportunities (whitespace) of a plan, each with its weighted value. */
@Path("/api/v1/plans/{planId}/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class OpportunityResource extends PartResource<OpportunityRequest, OpportunityView> {

  public OpportunityResource(
      OpportunityService service, Idempotency idempotency, Caller caller, MergePatches patches) {
    super(
        new PartKind<>(
            "opportunities",
            service,
            PlanMapper::view,
            PartEditables::of,
            OpportunityRequest::command,
            OpportunityRequest.class),
        idempotency,
        caller,
        patches);
  }
}
