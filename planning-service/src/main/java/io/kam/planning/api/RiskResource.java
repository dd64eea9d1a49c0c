package io.kam.planning.api;

import io.kam.chassis.http.Idempotency;
import io.kam.chassis.security.Caller;
import io.kam.planning.api.PartRequests.RiskRequest;
import io.kam.planning.api.PlanViews.RiskView;
import io.kam.planning.domain.RiskService;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The risks of a plan, listed by severity (likelihood x impact), highest first. */
@Path("/api/v1/plans/{planId}/risks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class RiskResource extends PartResource<RiskRequest, RiskView> {

  public RiskResource(
      RiskService service, Idempotency idempotency, Caller caller, MergePatches patches) {
    super(
        new PartKind<>(
            "risks",
            service,
            PlanMapper::view,
            PartEditables::of,
            RiskRequest::command,
            RiskRequest.class),
        idempotency,
        caller,
        patches);
  }
}
